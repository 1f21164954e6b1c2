/**
 * Intake of a reconsideration application with two new applicants (identity numbers and phones sealed with SM4,
 * blind-indexed with HMAC-SM3), and what the encryption costs of it: the sealings and indexes the intakes made,
 * counted by the cipher, each priced by timing the same operation alone.
 */
import { performance } from 'node:perf_hooks';
import { residentIdCheckChar } from '../src/kernel/identifiers/identifiers.ts';
import { blindIndex, cipherWork, seal } from '../src/kernel/personal-data/cipher.ts';
import { createMatter } from '../src/kernel/workflow/engine.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import type { Db } from '../src/platform/db/pool.ts';
import { rate } from './intake.ts';

/** A valid resident ID for serial n (GB 11643 check character computed). */
function residentId(n: number): string {
  const body = `330211${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return `${body}${residentIdCheckChar(body)}`;
}

export async function partyIntakeFigure(db: Db, actor: Actor, respondentOrgId: number, n: number) {
  let serial = 0;
  const intake = () => {
    const k = ++serial * 2;
    return createMatter(
      db,
      actor,
      'reconsideration',
      'application',
      {
        receivedOn: '2025-06-03',
        channel: 'window',
        applicants: [k, k + 1].map((j) => ({
          partyType: 'person',
          name: `申请人${j}`,
          idNumber: residentId(j),
          phone: `138${String(j).padStart(8, '0')}`,
          address: '宁波市镇海区骆驼街道',
        })),
        respondentOrgId,
        actKind: 'penalty',
        actTitle: '行政处罚决定',
        actDocNo: `甬镇罚〔2025〕${k}号`,
        actDate: '2025-05-20',
        actKnownOn: '2025-05-22',
        request: '撤销行政处罚决定',
      },
      { today: '2025-06-30' },
    );
  };
  await rate(1, 20, intake); // warm-up
  const before = { ...cipherWork };
  const timed = await rate(1, n, intake);
  const perIntake = {
    seals: (cipherWork.seals - before.seals) / n,
    indexes: (cipherWork.indexes - before.indexes) / n,
  };
  const each = (fn: () => unknown, times = 20_000) => {
    const t = performance.now();
    for (let i = 0; i < times; i++) fn();
    return (performance.now() - t) / times;
  };
  const sealMs = each(() => seal('330211199001011236'));
  const indexMs = each(() => blindIndex('id:residentId', '330211199001011236'));
  const encryptionMs = perIntake.seals * sealMs + perIntake.indexes * indexMs;
  return { ...timed, perIntake, sealMs, indexMs, encryptionMs, share: encryptionMs / timed.median };
}
