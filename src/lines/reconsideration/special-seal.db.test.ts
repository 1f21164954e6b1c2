import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/support/app.ts';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, kit, documentText } = reconsiderationTestbed();

const sealsOf = async (matterId: number) =>
  (
    await bed.t.db.query<{ kind: string; seal: string }>(
      `SELECT kind, issued_with->>'seal' AS seal FROM documents WHERE matter_id = $1 ORDER BY id`,
      [matterId],
    )
  ).rows.map((r) => [r.kind.replace('reconsideration.', ''), r.seal]);

describe('the 行政复议专用章 (Art. 75) once the profile says it is authorised', () => {
  it('seals the 复议机关’s documents with it, and leaves the 复议机构’s own seal alone', async () => {
    const before = await kit.matterIn('reconsideration/application', 'review');
    expect(await sealsOf(before.id)).toEqual([
      ['receipt', '宁波市镇海区司法局'],
      ['acceptance', '宁波市镇海区人民政府'],
    ]);

    const admin = await signIn(bed.app, 'admin');
    await makeUser(bed.t.db, 'fy.admin2', [{ org: 'bureau', role: 'admin' }]);
    const admin2 = await signIn(bed.app, 'fy.admin2');
    const proposed = await admin.put('/api/profile', {
      values: { 'profile.reconsiderationSealAuthorised': true },
      reason: '区政府授权使用行政复议专用章',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect((await admin2.post(`/api/changes/${proposed.json().id}/confirm`, {})).statusCode).toBe(200);

    const after = await kit.matterIn('reconsideration/application', 'review.copySent');
    expect(await sealsOf(after.id)).toEqual([
      ['receipt', '宁波市镇海区司法局'],
      ['acceptance', '宁波市镇海区人民政府行政复议专用章'],
      ['replyNotice', '宁波市镇海区司法局'],
    ]);
    // Documents issued before keep the seal they were issued with.
    expect((await sealsOf(before.id))[1]).toEqual(['acceptance', '宁波市镇海区人民政府']);
  });

  it('names the respondent with the 住所 and 法定代表人 an administrator records on the organ', async () => {
    const admin = await signIn(bed.app, 'admin');
    const org = (await admin.get(`/api/orgs/${bed.housing}`)).json();
    const saved = await admin.patch(`/api/orgs/${bed.housing}`, {
      address: '浙江省宁波市镇海区某某路8号',
      legalRepresentative: '钱某，局长',
      version: org.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      address: '浙江省宁波市镇海区某某路8号',
      legalRepresentative: '钱某，局长',
    });
    const { id } = await kit.matterIn('reconsideration/application', 'decided', {
      respondentOrgId: bed.housing,
    });
    const { rows } = await bed.t.db.query<{ id: number }>(
      `SELECT id FROM documents WHERE matter_id = $1 AND kind = 'reconsideration.decision'`,
      [id],
    );
    const text = await documentText(rows[0]!.id);
    expect(text).toContain('被申请人：宁波市镇海区住房和城乡建设局，住所地浙江省宁波市镇海区某某路8号。');
    expect(text).toContain('法定代表人：钱某，局长。');
  });
});
