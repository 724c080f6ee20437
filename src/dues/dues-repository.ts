// Persistence of dues rates and payments.
import type { Tx } from "../db/database.js";

export class DuesRepository {
  constructor(private readonly db: Tx) {}

  async setRate(memberId: string, amountFen: number, fromMonth: string, at: Date, byId: string) {
    await this.db.duesRate.upsert({
      where: { memberId },
      create: { memberId, amountFen, fromMonth, setAt: at, setById: byId },
      update: { amountFen, setAt: at, setById: byId },
    });
  }

  ratesOf(memberIds: string[]) {
    return this.db.duesRate.findMany({ where: { memberId: { in: memberIds } } });
  }

  /** Records a month as paid; false when it already was (a second record is harmless). */
  async pay(memberId: string, month: string, amountFen: number, at: Date, byId: string): Promise<boolean> {
    const existing = await this.db.duesPayment.findUnique({ where: { memberId_month: { memberId, month } } });
    if (existing) return false;
    await this.db.duesPayment.create({
      data: { memberId, month, amountFen, paidAt: at, recordedById: byId },
    });
    return true;
  }

  paymentsOf(memberIds: string[], fromMonth: string) {
    return this.db.duesPayment.findMany({
      where: { memberId: { in: memberIds }, month: { gte: fromMonth } },
      select: { memberId: true, month: true, amountFen: true },
    });
  }
}
