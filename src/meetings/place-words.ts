// How a piece of a one-line schedule reads as a place or as a topic, as data: the words a place
// ends with or is named by, and the words a topic opens with. A place is optional; a piece that
// opens like a topic (学习…, 参观革命纪念馆) is never taken for one.

/** Endings of a place's name: 党员活动室, 党群服务中心, 二楼会议厅, 社区礼堂, 王芳家. */
export const PLACE_ENDINGS = [
  "室",
  "厅",
  "中心",
  "馆",
  "楼",
  "层",
  "广场",
  "会场",
  "礼堂",
  "站",
  "院",
  "所",
  "家",
  "园",
  "部",
  "处",
  "基地",
  "驿站",
  "书屋",
  "小区",
] as const;

/** Names that are places wherever they stand: the meeting tools, 线上 and its kin. */
export const PLACE_NAMES = ["腾讯会议", "钉钉会议", "飞书会议", "视频会议", "云端", "网上", "线下"] as const;

/** Openings of a topic: what a meeting does (学习, 传达, 研究, 讨论…) or is about (关于…). */
export const TOPIC_OPENINGS = [
  "学习",
  "传达",
  "研究",
  "讨论",
  "部署",
  "开展",
  "观看",
  "重温",
  "纪念",
  "庆祝",
  "专题",
  "关于",
  "贯彻",
  "落实",
  "围绕",
  "聚焦",
  "总结",
  "审议",
  "通报",
  "表决",
  "选举",
  "评议",
  "民主",
  "集中",
  "读书",
  "分享",
  "参观",
  "慰问",
  "志愿",
  "交流",
  "谈心",
  "收看",
  "宣讲",
  "接收",
  "发展",
  "迎接",
  "推进",
  "深入",
  "党史",
  "党章",
  "二十",
] as const;

/** Whether a piece names a place: 党员活动室, 腾讯会议 — and does not open like a topic. */
export function looksLikePlace(piece: string): boolean {
  if (looksLikeTopic(piece)) return false;
  return PLACE_ENDINGS.some((end) => piece.endsWith(end)) || PLACE_NAMES.some((name) => piece.includes(name));
}

/** Whether a piece opens like a topic: 学习二十大精神, 研究三月工作. */
export function looksLikeTopic(piece: string): boolean {
  return TOPIC_OPENINGS.some((opening) => piece.startsWith(opening));
}

/** What a place left open is stored as, in each language (schedule.placePending). */
export const PLACE_PENDING: ReadonlySet<string> = new Set(["待定", "TBD"]);

/**
 * The place an organisation usually meets, from its latest meetings' places (newest first): one
 * used at least twice, the most used, the newest of equals; none when every place is different.
 */
export function usualPlace(recent: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const place of recent) if (!PLACE_PENDING.has(place)) counts.set(place, (counts.get(place) ?? 0) + 1);
  let best: string | null = null;
  for (const [place, count] of counts)
    if (count >= 2 && count > (best ? (counts.get(best) ?? 0) : 0)) best = place;
  return best;
}
