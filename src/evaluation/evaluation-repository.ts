// Persistence of scoring sheets, hand scores and half-year reviews.
import type { Tx } from "../db/database.js";
import type { Measure, SheetItem } from "./evaluation-rules.js";

export class EvaluationRepository {
  constructor(private readonly db: Tx) {}

  async items(committeeId: string): Promise<(SheetItem & { id: string })[]> {
    const rows = await this.db.evaluationItem.findMany({
      where: { organizationId: committeeId },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      label: r.label,
      weight: r.weight,
      measure: r.measure as Measure,
    }));
  }

  async saveItem(committeeId: string, item: SheetItem, at: Date): Promise<void> {
    await this.db.evaluationItem.upsert({
      where: { organizationId_key: { organizationId: committeeId, key: item.key } },
      create: { organizationId: committeeId, ...item, createdAt: at },
      update: { label: item.label, weight: item.weight, measure: item.measure },
    });
  }

  async handScores(branchIds: string[], itemIds: string[], periods: string[]) {
    if (branchIds.length === 0 || itemIds.length === 0) return [];
    return this.db.evaluationScore.findMany({
      where: { branchId: { in: branchIds }, itemId: { in: itemIds }, period: { in: periods } },
      orderBy: { period: "asc" },
    });
  }

  async setHandScore(data: {
    branchId: string;
    itemId: string;
    period: string;
    score: number;
    comment: string | null;
    byId: string;
    at: Date;
  }): Promise<void> {
    const { branchId, itemId, period, ...rest } = data;
    await this.db.evaluationScore.upsert({
      where: { branchId_itemId_period: { branchId, itemId, period } },
      create: data,
      update: rest,
    });
  }

  async submitReview(branchId: string, period: string, text: string, by: string, at: Date): Promise<void> {
    await this.db.branchReview.upsert({
      where: { branchId_period: { branchId, period } },
      create: { branchId, period, text, submittedAt: at, submittedBy: by },
      update: { text, submittedAt: at, submittedBy: by },
    });
  }

  reviews(branchIds: string[], period: string) {
    return this.db.branchReview.findMany({ where: { branchId: { in: branchIds }, period } });
  }
}
