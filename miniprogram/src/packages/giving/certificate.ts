import { type DonationCertificateDto, formatFen } from '@alumni/shared';
import { groupDigits } from '../../components/campaign-units';
import { CANVAS_FONTS, type PaintContext, pill, textWriter, wrapText } from '../../components/canvas-text';
import { treeLine } from './payment';

/** The image's size in pixels: sharp on a phone, small enough to share (≈ 100 KB as PNG). */
export const CERTIFICATE_WIDTH = 750;
export const CERTIFICATE_HEIGHT = 1050;

/** What the certificate says, line by line: the image and its text for screen readers both read this. */
export interface CertificateContent {
  school: string;
  name: string;
  body: string;
  /** Sapling drives: "你种下了第 1,024 棵树". */
  trees: string | null;
  issuer: string;
  date: string;
  number: string;
}

/** `2026-11-29T12:00:05Z` → `2026 年 11 月 29 日`, the Beijing day. */
export function certificateDate(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.getUTCFullYear()} 年 ${d.getUTCMonth() + 1} 月 ${d.getUTCDate()} 日`;
}

/**
 * The wording. The server has applied the donor's choices already (匿名校友, a null amount
 * when hidden); a hidden amount leaves the units out too, as they would give it away, but
 * not the tree numbers, which are what a sapling certificate is for.
 */
export function certificateContent(certificate: DonationCertificateDto): CertificateContent {
  const { amountFen, units, unitName } = certificate;
  const unitsPart = unitName && units > 0 ? `（${groupDigits(units)} ${unitName}）` : '';
  const gift = amountFen === null ? '慷慨捐赠' : `捐赠 ${formatFen(amountFen)}${unitsPart}`;
  return {
    school: certificate.schoolName,
    name: certificate.donorName,
    body: `向“${certificate.campaignTitle}”${gift}，情系母校，特发此证，以致谢忱。`,
    trees: certificate.treeNumbers ? treeLine(certificate.treeNumbers) : null,
    issuer: `${certificate.schoolName}校友会`,
    date: certificateDate(certificate.paidAt),
    number: `证书编号 ${certificate.certificateNo}`,
  };
}

export { wrapText };

/** What the painter draws on: WeChat's canvas 2d or the browser's. */
export type CertificateContext = PaintContext;

const GOLD = '#9a7a35';
const MARGIN = 96;

/** Draws the certificate onto a CERTIFICATE_WIDTH × CERTIFICATE_HEIGHT canvas. */
export function paintCertificate(ctx: CertificateContext, content: CertificateContent): void {
  const W = CERTIFICATE_WIDTH;
  const H = CERTIFICATE_HEIGHT;
  const centre = W / 2;
  const paper = ctx.createLinearGradient(0, 0, 0, H);
  paper.addColorStop(0, '#fffdf6');
  paper.addColorStop(1, '#fbf3df');
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, W, H);
  ctx.strokeStyle = '#c9a45c';
  ctx.lineWidth = 8;
  ctx.strokeRect(28, 28, W - 56, H - 56);
  ctx.lineWidth = 2;
  ctx.strokeRect(44, 44, W - 88, H - 88);

  const text = textWriter(ctx, 'center');
  ctx.textBaseline = 'middle';
  text(content.school, centre, 130, '30px', GOLD);
  text('捐 赠 证 书', centre, 210, 'bold 68px', GOLD);
  text(content.name, centre, 350, 'bold 52px', '#1f2329');
  ctx.fillStyle = '#c9a45c';
  ctx.fillRect(centre - 150, 392, 300, 2);

  ctx.font = `32px ${CANVAS_FONTS}`;
  const lines = wrapText(content.body, W - 2 * MARGIN, (line) => ctx.measureText(line).width);
  let y = 470;
  for (const line of lines) {
    text(line, MARGIN, y, '32px', '#4e5969', 'left');
    y += 56;
  }

  if (content.trees) {
    ctx.font = `bold 36px ${CANVAS_FONTS}`;
    const width = ctx.measureText(content.trees).width + 64;
    y += 50;
    ctx.fillStyle = '#e8f5ec';
    pill(ctx, centre - width / 2, y - 36, width, 72);
    text(content.trees, centre, y, 'bold 36px', '#2f8a4e');
  }

  text(content.issuer, W - MARGIN, H - 210, '30px', GOLD, 'right');
  text(content.date, W - MARGIN, H - 160, '26px', GOLD, 'right');
  text(content.number, centre, H - 86, '22px', '#8f959e');
}

/** The saved file's name: the certificate number says which gift it is. */
export const certificateFileName = (certificate: Pick<DonationCertificateDto, 'certificateNo'>) =>
  `捐赠证书-${certificate.certificateNo}.png`;
