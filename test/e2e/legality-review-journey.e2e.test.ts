/**
 * 合法性审查 in the browser, in one session: 招宝山街道's centre registers a town office's normative document offering
 * 3 working days — flagged against the 5-day minimum of 国办发〔2018〕115号, acceptance refused —; the time is made up
 * to 10 working days on resubmission (the period runs those 10), the item accepted with a reviewer picked by name,
 * sent up for co-review (协审); the district centre (a 法制审核科 clerk, no bureau-wide account) gives its opinion;
 * the town issues the 合法性审查意见书 (DOCX and PDF), records the adoption, and the indicators and the reviewer's
 * annual assessment on the registry page change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatter, transition } from '../../src/kernel/workflow/engine.ts';
import { addReviewer } from '../../src/lines/legality-review/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser, orgId } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  type FormHelpers,
  formHelpers,
  hasChromium,
  hasSoffice,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
/** The page may answer slowly on a busy machine: polls wait up to 10 s rather than vitest's 1 s. */
const slow = { timeout: 10_000 };
const HASTY = '镇海区公共停车场收费标准调整';
const SHORT =
  '送审行政规范性文件给予的审查时间为 3 个工作日，少于 5 个工作日的下限（国办发〔2018〕115号），应当补足审查时间后方可受理';

describe.skipIf(!hasChromium)('合法性审查 in the browser: short time, co-review, opinion, adoption', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let h: FormHelpers;
  const ids = { reviewer: 0, suspended: 0 };
  let townCentre = '';

  const shot = (name: string) =>
    page.screenshot({ path: path.join(artifacts, `legality-${name}.png`), fullPage: true });

  const signIn = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  /** Opens an action, dates it, lets `fill` complete its fields, submits, and waits for the new state. */
  const act = async (
    action: string,
    date: string,
    state: string,
    fill: () => Promise<void> = async () => {},
  ) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-form').waitFor();
    await h.fillDate('action-date', date);
    await fill();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe(state);
  };

  /** The value of a fact on the item's page (label → value). */
  const fact = async (label: string) => {
    const cell = page
      .locator('.matter-detail-fields .ant-descriptions-item-label')
      .filter({ hasText: new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}$`) })
      .first()
      .locator('xpath=following-sibling::td[1]');
    return ((await cell.textContent()) ?? '').trim();
  };

  const download = async (button: ReturnType<Page['getByTestId']>): Promise<Download> => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    return d;
  };
  const magic = async (d: Download, n: number) =>
    fs
      .readFileSync(await d.path())
      .subarray(0, n)
      .toString('latin1');

  /** The figure an indicator page shows for a year, as the user reads it (value and unit). */
  const indicator = async (id: string) => {
    await page.goto(`${base}/indicators/${id}?year=2026&region=330211`);
    const value = page.getByTestId('indicator-value').locator('.ant-statistic-content');
    await value.waitFor();
    return async () => ((await value.textContent()) ?? '').trim();
  };

  /** 郑法审's row of the assessment on the registry page: the cells from 办件 to 档次. */
  const assessmentRow = async () => {
    await page.goto(`${base}/legality-review/registry`);
    const row = page.locator('.ant-table-row').filter({ hasText: '郑法审' });
    await row.waitFor();
    return async () => (await row.locator('td').allTextContents()).slice(4, 11);
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    const db = testDb.db;
    const town = await orgId(db, 'jo-330211001');
    townCentre = (await db.query(`SELECT name FROM orgs WHERE id = $1`, [town])).rows[0].name;
    await withTx(db, async (tx) => {
      const add = (name: string) =>
        addReviewer(tx, systemActor, { orgId: town, name, reviewerKind: 'reviewer', joinedOn: '2023-01-01' });
      ids.reviewer = await add('郑法审');
      ids.suspended = await add('冯法审');
      await tx.query(`UPDATE legality_reviewers SET status = 'suspended' WHERE id = $1`, [ids.suspended]);
    });
    await makeUser(db, 'hfx.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    // The district centre's clerk is a member of the 法制审核科 alone: it reads the towns' items as the line's reader.
    await makeUser(db, 'hfx.centre', [{ org: 'sec-legality', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(db, () => TODAY));
    // On the year's catalogue: a decision taken to collective discussion with no legality review.
    const listed = await createMatter(
      db,
      systemActor,
      'legalityReview',
      'decision',
      {
        catalogueYear: 2026,
        listedOn: '2026-02-10',
        centreOrgId: await orgId(db, 'sec-legality'),
        decidingOrgId: await orgId(db, 'district-government'),
        decisionTitle: HASTY,
      },
      { today: TODAY },
    );
    let version = listed.version;
    for (const [step, date] of [
      ['publicParticipation', '2026-03-03'],
      ['collectiveDiscussion', '2026-03-20'],
    ]) {
      const input = { version, date: date!, data: { step } };
      version = (await transition(db, systemActor, listed.id, 'recordStep', input, { today: TODAY })).version;
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    h = formHelpers(page);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('a town normative document: flagged, made up, co-reviewed, opinion, adoption, figures', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure');
    });
    await signIn('hfx.zbs');
    // Before: the reviewer has no item this year, the town no concluded item.
    const before = await assessmentRow();
    expect(await before()).toEqual(['0', '—', '0', '—', '0', '—', '未履职']);
    expect(await (await indicator('legalityReview.townReviewed'))()).toBe('0件');

    await page.goto(`${base}/matters?line=legalityReview&kind=item&create=1`);
    await page.getByTestId('create-form').waitFor();
    await h.fillDate('field-receivedOn', '2026-11-02');
    await h.choose('field-centreOrgId', townCentre, '招宝山');
    await h.choose('field-submitterKind', '镇（街道）内设机构、村（社区）');
    await page.getByTestId('field-submitterName').fill('招宝山街道经济发展办公室');
    await h.pick('field-itemKind', '行政规范性文件');
    await page.getByTestId('field-itemTitle').fill('招宝山街道促进商贸企业发展若干措施');
    await page.getByTestId('field-legalBases').fill('《浙江省促进中小微企业发展条例》');
    await page.getByTestId('field-consultation').fill('已向辖区企业征求意见');
    await (await h.inputOf('field-offeredDays')).fill('3');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-refno').textContent()).toMatch(/^镇法审收〔2026〕\d+号$/);
    expect(await page.getByTestId('matter-title').textContent()).toBe(
      '招宝山街道促进商贸企业发展若干措施（行政规范性文件）',
    );
    expect(await page.getByTestId('matter-state').textContent()).toBe('待受理');
    // Flagged at intake, and acceptance is refused until the time is made up.
    expect(await page.getByTestId('create-warnings').locator('li').allTextContents()).toEqual([SHORT]);
    expect(await fact('审查时间不足法定下限（已提示）')).toBe('是');
    const accept = page.getByTestId('action-accept');
    expect(await accept.getAttribute('data-unavailable')).toBe('true');
    // aria-disabled, yet clickable: the clerk who asks why is told.
    await accept.click({ force: true });
    await expect
      .poll(() => page.locator('.ant-message-notice').last().textContent(), slow)
      .toBe(
        '受理并指派审查人员：送审行政规范性文件给予的审查时间为 3 个工作日，少于 5 个工作日的下限，应当通知送审单位补足审查时间后受理',
      );
    await shot('01-flagged');

    await act('requestSupplement', '2026-11-03', '补充材料中', () =>
      page.getByTestId('field-missing').fill('审查时间不足5个工作日，请补足审查时间'),
    );
    await act('resubmit', '2026-11-04', '待受理', async () => {
      await (await h.inputOf('field-offeredDays')).fill('10');
      await page.getByTestId('field-note').fill('送审单位补足审查时间为10个工作日');
    });
    expect(await fact('给予的审查时间（工作日）')).toBe('10');
    expect(await fact('审查期限')).toBe('10个工作日（送审单位给予，不少于5个工作日）');
    expect(await fact('审查时间不足法定下限（已提示）')).toBe('否');

    // The reviewer picked by name: the suspended one is not offered.
    await act('accept', '2026-11-05', '审查中', async () => {
      await page.getByTestId('field-reviewerIds').click();
      const zheng = page.getByTestId(`field-reviewerIds-option-${ids.reviewer}`);
      await expect.poll(() => zheng.textContent(), slow).toContain(`郑法审（${townCentre}）`);
      expect(await page.getByTestId(`field-reviewerIds-option-${ids.suspended}`).count()).toBe(0);
      // antd may still be moving the popup: the click is repeated until the choice shows in the field.
      const field = page.getByTestId('field-reviewerIds');
      await expect
        .poll(async () => {
          if (!((await field.textContent()) ?? '').includes('郑法审')) {
            if ((await field.getByRole('combobox').getAttribute('aria-expanded')) !== 'true')
              await field.click();
            await zheng.click({ timeout: 3000 }).catch(() => undefined);
          }
          return field.textContent();
        }, slow)
        .toContain('郑法审');
      await page.keyboard.press('Escape');
      await page.getByTestId('field-noConflictDeclared').check();
    });
    // The ten working days offered (not the rule's 15) from the day after acceptance (Thursday 5 November): Friday 6,
    // 9 to 13 and 16 to 19 November.
    await expect
      .poll(() => page.getByTestId('deadline-due-review').textContent(), slow)
      .toContain('2026-11-19');
    expect(await page.getByTestId('deadline-count-review').textContent()).toBe(' · 10 个工作日（本案确定）');
    await shot('01b-accepted');
    await act('requestCoReview', '2026-11-06', '提请区中心协审中', () =>
      page.getByTestId('field-reason').fill('涉及企业扶持政策，疑难复杂'),
    );
    const refNo = (await page.getByTestId('matter-refno').textContent()) ?? '';
    const matterUrl = page.url();
    const matterId = Number(new URL(matterUrl).pathname.split('/').at(-1));

    // The district centre gives its co-review opinion; its figures count the item once.
    await signIn('hfx.centre');
    const coReviewed = await indicator('legalityReview.coReviewed');
    expect(await coReviewed()).toBe('0件');
    // The town's item is in the centre's own list (it reads every item of the line), and opens from there.
    await page.goto(`${base}/matters?line=legalityReview`);
    await page.getByTestId(`matter-link-${matterId}`).click();
    await expect.poll(() => page.getByTestId('matter-refno').textContent(), slow).toBe(refNo);
    await act('giveCoReview', '2026-11-09', '审查中', () =>
      page.getByTestId('field-opinion').fill('第五条设定的备案要求无上位法依据，建议删除'),
    );
    // Only the co-review is the centre's to give on a town's item: the opinion stays the town's to issue.
    expect(await page.getByTestId('action-conclude').getAttribute('data-unavailable')).toBe('true');
    expect(await fact('协审意见日期')).toBe('2026-11-09');
    await shot('02-co-reviewed');
    expect(await (await indicator('legalityReview.coReviewed'))()).toBe('1件');
    expect(await (await indicator('legalityReview.districtReviewed'))()).toBe('1件');

    // Back at the town: the opinion, its documents, the adoption.
    await signIn('hfx.zbs');
    await page.goto(matterUrl);
    await act('conclude', '2026-11-11', '已出具审查意见', async () => {
      await h.pick('field-conclusion', '修改后合法');
      await page.getByTestId('field-items-add').click();
      await page.getByTestId('field-items.0.problem').fill('第五条设定的备案要求无上位法依据');
      await page.getByTestId('field-items.0.basis').fill('《中华人民共和国行政许可法》第十六条');
      await page.getByTestId('field-items.0.suggestion').fill('删除第五条');
      await page.getByTestId('field-reasons').fill('草案第五条无上位法依据，修改后合法。');
      await page.getByTestId('field-signedOffBy').fill('陈某');
    });
    expect(await fact('在审查期限内出具')).toBe('是');
    const opinion = page.getByTestId('document-legalityReview.townOpinion');
    expect(await opinion.textContent()).toContain('合法性审查意见书');
    const docx = await download(opinion.locator('[data-testid^="doc-docx-"]'));
    expect(await magic(docx, 2)).toBe('PK');
    if (hasSoffice) {
      const pdf = await download(opinion.locator('[data-testid^="doc-pdf-"]'));
      expect(await magic(pdf, 4)).toBe('%PDF');
    }
    await shot('03-opinion');

    await act('recordFeedback', '2026-11-20', '已反馈办结', async () => {
      await page.getByTestId('field-adoptions-add').click();
      await (await h.inputOf('field-adoptions.0.seq')).fill('1');
      await h.pick('field-adoptions.0.adoption', '采纳');
      await page.getByTestId('field-issuedDocNo').fill('招街发〔2026〕18号');
      await h.fillDate('field-issuedOn', '2026-11-18');
    });
    expect(await fact('采纳情况')).toBe('采纳');
    expect(await fact('出台文件文号')).toBe('招街发〔2026〕18号');
    await shot('04-closed');

    // After: the town's figures and the reviewer's assessment (50 on time + 30 adopted + 1 item = 81, 合格).
    const townReviewed = await indicator('legalityReview.townReviewed');
    expect(await townReviewed()).toBe('1件');
    await expect.poll(() => page.getByTestId('indicator-records').textContent(), slow).toContain(refNo);
    expect(await (await indicator('legalityReview.adoptionRate'))()).toBe('100%');
    const after = await assessmentRow();
    await expect.poll(after, slow).toEqual(['1', '100.0%', '1', '100.0%', '1', '81', '合格']);
    await shot('05-assessment');

    // The district centre assesses the town's reviewer too, and its catalogue flags the hasty decision.
    await signIn('hfx.centre');
    await expect.poll(await assessmentRow(), slow).toEqual(['1', '100.0%', '1', '100.0%', '1', '81', '合格']);
    const own = await download(page.getByTestId(`assessment-docx-${ids.reviewer}`));
    expect(own.suggestedFilename()).toBe('法审员年度履职考核表_2026_郑法审.docx');
    expect(await magic(own, 2)).toBe('PK');
    const hasty = page.locator('.ant-table-row').filter({ hasText: HASTY });
    await hasty.waitFor();
    expect(await hasty.locator('.ant-tag').textContent()).toBe(
      '未经合法性审查即提交集体讨论（重大行政决策程序暂行条例第二十五条）',
    );
    await shot('06-catalogue');
  }, 180_000);
});
