/** Ledger import without a database: reading cells, checking a row by the intake schema, the declaration's contract. */

import { describe, expect, it } from 'vitest';
import { normaliseDate, readCell } from '../../src/kernel/import/cells.ts';
import { cacheable } from '../../src/kernel/import/reference-cache.ts';
import { checkRow, type Directory, rowErrorText } from '../../src/kernel/import/rows.ts';
import type { ImportColumn } from '../../src/kernel/import/types.ts';
import { writeAncestors } from '../../src/kernel/workflow/access.ts';
import { lineProblems, type RegistryView } from '../../src/kernel/workflow/line-contract.ts';
import { applicationKind } from '../../src/lines/reconsideration/application.ts';
import { applicationImport } from '../../src/lines/reconsideration/import.ts';
import { reconsiderationLine } from '../../src/lines/reconsideration/index.ts';

const text: ImportColumn = { field: 'x', header: 'X', example: '' };
const idCol: ImportColumn = { ...text, personal: 'idNumber' };

describe('a ledger cell', () => {
  it('is read as the text a clerk sees', () => {
    expect(readCell(new Date(Date.UTC(2025, 2, 3)), text)).toEqual({ value: '2025-03-03' });
    expect(readCell(13800000000, text)).toEqual({ value: '13800000000' });
    expect(readCell({ richText: [{ text: ' 张' }, { text: '某 ' }] }, text)).toEqual({ value: '张某' });
    expect(readCell(true, text)).toEqual({ value: '是' });
    expect(readCell(null, text)).toEqual({ value: '' });
    expect(['2025/3/3', '2025.3.3', '2025年3月3日', '2025-03-03'].map(normaliseDate)).toEqual(
      Array(4).fill('2025-03-03'),
    );
  });

  it('refuses formulas, formula-looking text and an identity number Excel turned into a number', () => {
    expect(readCell({ formula: 'A1+1', result: 2 }, text)).toEqual({
      problem: '是公式，导入只接受直接填写的值，请复制后“粘贴为数值”',
    });
    expect(readCell('-2+3', text)).toEqual({ problem: '以“-”开头，可能是公式，请删除开头的符号' });
    expect(readCell(330211199001011200, idCol)).toEqual({
      problem: '被 Excel 存成了数字，末几位已经丢失，请把该列设为“文本”后重新填写号码',
    });
  });
});

describe('a ledger row', () => {
  const dir: Directory = new Map([['宁波市镇海区市场监督管理局', [{ id: 7, kind: 'department' }]]]);
  const cells = {
    receivedOn: '2025/3/3',
    channel: '窗口递交',
    'applicants.0.name': '张某',
    'applicants.0.idNumber': '330211199001011236',
    respondentOrgId: '宁波市镇海区市场监督管理局',
    actKind: '行政处罚',
    actTitle: '行政处罚决定',
    actDate: '2025-02-20',
    actKnownOn: '2025-02-24',
    request: '撤销',
  };
  const check = (over: Record<string, string>, today = '2025-06-30') =>
    checkRow(
      applicationImport,
      applicationKind,
      { rowNo: 9, cells: { ...cells, ...over }, problems: {} },
      dir,
      today,
    );

  it('becomes the intake payload: labels to codes, organs to directory ids, dates normalised', () => {
    const { payload, errors } = check({});
    expect(errors).toEqual([]);
    expect(payload).toEqual({
      receivedOn: '2025-03-03',
      channel: 'window',
      applicants: [{ name: '张某', idNumber: '330211199001011236' }],
      respondentOrgId: 7,
      actKind: 'penalty',
      actTitle: '行政处罚决定',
      actDate: '2025-02-20',
      actKnownOn: '2025-02-24',
      request: '撤销',
    });
  });

  it('is refused with the column and the schema’s own Chinese messages, in column order', () => {
    const { errors } = check({
      respondentOrgId: '某某局',
      actKnownOn: '2025-02-19',
      'applicants.0.idNumber': '330211199001011237',
    });
    expect(errors.map((e) => rowErrorText(9, e))).toEqual([
      '第9行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 6），请核对号码',
      '第9行「被申请人」：“某某局”不在机构名录中，请填写名录中的机关全称',
    ]);
    // The cross-field rule of the schema runs once the fields themselves are valid.
    expect(check({ actKnownOn: '2025-02-19' }).errors.map((e) => rowErrorText(9, e))).toEqual([
      '第9行「知道该行政行为的日期」：知道行政行为的日期不能早于行政行为作出日期',
    ]);
    expect(check({}, '2025-03-02').errors.map((e) => rowErrorText(9, e))).toEqual([
      '第9行「收件日期」：日期 2025-03-03 晚于今天（2025-03-02），不能登记将来的事件',
    ]);
  });
});

describe('reference reads cached in an import transaction', () => {
  it('are plain SELECTs of the directory, the org tree, settings and calendars only', () => {
    expect(cacheable('SELECT id, name, kind FROM orgs WHERE id = $1 AND active')).toBe(true);
    expect(cacheable('SELECT ancestor_id FROM org_closure WHERE descendant_id = $1')).toBe(true);
    expect(cacheable(`SELECT coalesce(max(loaded_at)::text, '') AS stamp FROM holiday_calendars`)).toBe(true);
    // The roles over a matter's office, asked for every row (restricted lines and their readers are reference too).
    expect(cacheable(writeAncestors('$1', '$2'))).toBe(true);
    expect(cacheable('SELECT id FROM orgs o JOIN matters m ON m.owner_org_id = o.id')).toBe(false);
    expect(cacheable('SELECT id FROM orgs WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(cacheable('SELECT audit_append($1) FROM orgs')).toBe(false);
    expect(cacheable('SELECT * FROM unnest($1::int[])')).toBe(false);
    expect(cacheable('UPDATE settings SET value = $2 WHERE key = $1')).toBe(false);
  });
});

describe('an import declaration', () => {
  const empty: RegistryView = {
    lineExists: () => false,
    templateTaken: () => false,
    indicatorTaken: () => false,
    indicatorKnown: () => false,
    sectionTaken: () => false,
    vocabularyKnown: () => false,
  };
  it('must fill fields the intake schema has, of a kind the line declares', () => {
    const line = {
      ...reconsiderationLine,
      imports: [
        {
          ...applicationImport,
          columns: [
            ...applicationImport.columns,
            { field: 'applicants.0.idNo', header: '身份证', example: '' },
          ],
        },
        { ...applicationImport, kind: 'appeal' },
      ],
    };
    expect(lineProblems(line, empty)).toEqual([
      'reconsideration.import(application): column 身份证 fills applicants.0.idNo, which the create schema of application does not have',
      'reconsideration.import(appeal): unknown kind appeal',
    ]);
  });
});
