import { type CampaignKind, type CampaignSummaryDto, formatFenShort } from '@alumni/shared';

type Unit = NonNullable<CampaignSummaryDto['unit']>;

/** `1024` → `1,024`: counts of people and trees read like the amounts beside them. */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 棵树苗 = ¥30" */
export function unitPriceLine(unit: Unit): string {
  return `1 ${unit.name} = ${formatFenShort(unit.priceFen)}`;
}

/** "已种 1,024 棵树苗" for a sapling drive, "已认捐 12 份" for any other drive with a unit. */
export function unitsRaisedLine(kind: CampaignKind, unit: Unit, units: number): string {
  return `${kind === 'sapling' ? '已种' : '已认捐'} ${groupDigits(units)} ${unit.name}`;
}
