// Phone numbers are stored whole but shown masked everywhere except to their owner.
export const CN_MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(input: string): string {
  return input.replace(/[\s-]/g, "").replace(/^\+?86/, "");
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}
