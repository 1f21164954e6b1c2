/**
 * GB/T 9704-2012 (党政机关公文格式) page geometry and typography, in Word units.
 * Twips are 1/20 pt; the standard's millimetres are converted with 1 mm = 56.7 twips and rounded,
 * which makes the text block come out at exactly 156 mm × 225 mm.
 */

export const mmToTwips = (mm: number): number => Math.round(mm * 56.7);

/** Word sizes are half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = {
  erhao: 44,
  sanhao: 32,
  sihao: 28,
} as const;

export const PAGE = {
  width: 11906, // A4 210 mm
  height: 16838, // A4 297 mm
  marginTop: mmToTwips(37), // 2098
  marginBottom: mmToTwips(35), // 1985
  marginLeft: mmToTwips(28), // 1588
  marginRight: mmToTwips(26), // 1474
  headerDistance: mmToTwips(15),
} as const;

/** Text block: 156 mm × 225 mm. */
export const BLOCK_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight; // 8844
export const BLOCK_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom; // 12755

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * 22 lines must fill the block: 12755 / 22 = 579.8, floored so the 22nd line never spills onto the
 * next page through rounding.
 */
export const LINE_PITCH = Math.floor(BLOCK_HEIGHT / LINES_PER_PAGE); // 579 (28.95 pt)

/**
 * w:charSpace is (desired pitch − Normal font size) in points × 4096. 28 characters in 156 mm is a
 * 15.79 pt pitch, slightly less than 三号 16 pt, hence the negative value (−849, as in the
 * templates the General Office of the State Council circulates). Floored: rounding gives −848,
 * whose 28 characters overshoot the block by 0.003 pt and push the 28th onto the next line.
 */
export const CHAR_SPACE = Math.floor((BLOCK_WIDTH / 20 / CHARS_PER_LINE - SIZE.sanhao / 2) * 4096);

/** One 三号 character, the unit of every "空二字" / "右空四字" rule. */
export const CHAR = 320;
/** One 四号 character, for the page number and the 版记. */
export const SMALL_CHAR = 280;

/**
 * The page number's 一字线 sits 7 mm below the text block. Word measures the footer distance from
 * the page edge to the bottom of the footer line, so subtract the (exact, 14 pt) footer line.
 */
export const FOOTER_LINE = 280;
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - FOOTER_LINE; // 1308 ≈ 23.1 mm

/** The red separator is 4 mm below the document number; border spacing is in points (max 31). */
export const RED_RULE_SPACE_PT = Math.round((4 * 72) / 25.4); // 11
export const RED = 'C00000';

/** Font names exactly as the standard and the bureau's Word installations spell them. */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * Rendering width in 三号 characters, as the standard counts them: half-width (ASCII) characters
 * take half a character, everything else a full one. Word and LibreOffice also put about a fifth
 * of a character between CJK and Latin digits/letters (autoSpaceDN/DE), which is what makes
 * "2025年7月1日" about seven characters wide. Used to centre the signature over the date.
 */
export function widthInChars(text: string): number {
  let width = 0;
  let previous: 'cjk' | 'latin' | 'other' = 'other';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const kind = /[A-Za-z0-9]/.test(ch) ? 'latin' : code >= 0x3400 ? 'cjk' : 'other';
    if ((kind === 'latin' && previous === 'cjk') || (kind === 'cjk' && previous === 'latin')) width += 0.2;
    width += code < 0x80 ? 0.5 : 1;
    previous = kind;
  }
  return width;
}

/**
 * Tracking (twips) that gives 28 三号 characters per line without a character grid, for renderers
 * that cannot compress to the grid pitch (LibreOffice): 315.86 − 320 = −4.1, floored so 28 fit.
 */
export const GRIDLESS_TRACKING = Math.floor(BLOCK_WIDTH / CHARS_PER_LINE - CHAR); // −5
