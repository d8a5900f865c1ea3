import { describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../server/context';
import { hashToken } from '../../server/services/secret-tokens';
import { adhesionBody, allianceBody, alliancePatch, serviceBody } from '../../server/http/schemas';
import { findAlliance, type StoredAlliance } from '../../server/queries/alliances';
import { decideAdhesion } from '../../server/use-cases/adhesion';
import { issueInvitation, revokeInvitation, rotateEditToken } from '../../server/use-cases/alliance-access';
import { changeAlliance, createAlliance, deleteAlliance } from '../../server/use-cases/alliances';
import { addService, changeService } from '../../server/use-cases/catalogue';
import { setContiguityException } from '../../server/use-cases/contiguity-exception';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();
const AGLIE = '001001';
const BAIRO = '001015';

/**
 * Each use case that changes the alliances moves its instance's alliances revision on itself, once
 * committed (no HTTP middleware does it): these call them without a server, on a context that does
 * not follow the database's NOTIFY, so only the use case can have moved it.
 */
describe('the alliances revision moves with the use cases that change the alliances', () => {
  let ctx: AppContext;
  const revision = () => ctx.alliancesRevision.current();
  const load = async (id: number) => (await findAlliance(ctx.db.knex, id))!;

  /** What `step` did to the revision: +1 (or more) when it changed the alliances, 0 otherwise. */
  async function moved<T>(step: () => Promise<T>): Promise<{ by: number; value: T }> {
    const before = revision();
    const value = await step();
    return { by: revision() - before, value };
  }

  async function founded(): Promise<{ alliance: StoredAlliance; links: Map<string, string> }> {
    const body = allianceBody.parse({ name: 'ALI della revisione', members: [{ code: AGLIE, lead: true }, { code: BAIRO }] });
    const created = await moved(() => createAlliance(ctx, body));
    expect(created.by).toBeGreaterThan(0);
    if (!created.value.ok) throw new Error(JSON.stringify(created.value.refusal));
    const links = new Map(created.value.value.invitations.map((i) => ['code' in i ? i.code : i.partner, i.url.split('#invito=')[1]!]));
    return { alliance: await load(created.value.value.id), links };
  }

  it('creating, changing and deleting move it; a refused or empty change does not', async () => {
    ctx = createContext(env.database.db);
    expect((await moved(() => createAlliance(ctx, allianceBody.parse({ name: 'ALI', members: [{ code: '999999' }] })))).by).toBe(0);
    const { alliance } = await founded();
    expect((await moved(() => changeAlliance(ctx, alliance, alliancePatch.parse({ name: alliance.name })))).by).toBe(0);
    expect((await moved(() => changeAlliance(ctx, alliance, alliancePatch.parse({ members: [{ code: '999999' }] })))).by).toBe(0);
    const changed = await moved(() => changeAlliance(ctx, alliance, alliancePatch.parse({ name: 'ALI rinominata' })));
    expect(changed.value.ok).toBe(true);
    expect(changed.by).toBeGreaterThan(0);
    // `alliance` is the version before the change now: stale.
    const stale = await moved(() => changeAlliance(ctx, alliance, alliancePatch.parse({ name: 'ALI di nuovo' })));
    expect(stale.value).toMatchObject({ ok: false, refusal: { reason: 'stale' } });
    expect(stale.by).toBe(0);
    expect((await moved(() => deleteAlliance(ctx, alliance))).by).toBe(0);
    const deleted = await moved(async () => deleteAlliance(ctx, await load(alliance.id)));
    expect(deleted.value.ok).toBe(true);
    expect(deleted.by).toBeGreaterThan(0);
  });

  it("a member's decision, the links and the edit token move it; refused ones do not", async () => {
    ctx = createContext(env.database.db);
    const { alliance, links } = await founded();
    const decision = adhesionBody.parse({ decision: 'adhere', organ: 'consiglio', actNumber: '7', actDate: '2026-01-10' });
    expect((await moved(() => decideAdhesion(ctx, alliance, { code: BAIRO }, hashToken('not-the-link'), decision))).by).toBe(0);
    const decided = await moved(() => decideAdhesion(ctx, alliance, { code: BAIRO }, hashToken(links.get(BAIRO)!), decision));
    expect(decided.value.ok).toBe(true);
    expect(decided.by).toBeGreaterThan(0);

    const current = await load(alliance.id);
    expect((await moved(() => issueInvitation(ctx, current, { code: '001002' }))).by).toBe(0);
    const issued = await moved(() => issueInvitation(ctx, current, { code: BAIRO }));
    expect(issued.by).toBeGreaterThan(0);
    const id = issued.value.ok ? issued.value.value.id : 0;
    expect((await moved(() => revokeInvitation(ctx, current, 999_999, 'founder'))).by).toBe(0);
    expect((await moved(() => revokeInvitation(ctx, current, id, 'founder'))).by).toBeGreaterThan(0);
    // Already revoked: answered as it is, nothing changed.
    const again = await moved(() => revokeInvitation(ctx, current, id, 'founder'));
    expect(again.value.ok).toBe(true);
    expect(again.by).toBe(0);

    expect((await moved(() => rotateEditToken(ctx, current))).by).toBeGreaterThan(0);
    // The token `current` holds has just been replaced: a second rotation from it is refused.
    expect((await moved(() => rotateEditToken(ctx, current))).by).toBe(0);
  });

  it("an administrator's contiguity exception and catalogue edits move it; refused ones do not", async () => {
    ctx = createContext(env.database.db);
    const { alliance } = await founded();
    expect((await moved(() => setContiguityException(ctx, alliance, () => false, 'traghetto'))).by).toBe(0);
    const excepted = await moved(() => setContiguityException(ctx, alliance, (v) => v === alliance.version, 'traghetto'));
    expect(excepted.value.ok).toBe(true);
    expect(excepted.by).toBeGreaterThan(0);

    const service = serviceBody.parse({ code: 'revisione', name: { it: 'Servizio di prova', en: 'Test service' } });
    expect((await moved(() => addService(ctx, service))).by).toBeGreaterThan(0);
    expect((await moved(() => addService(ctx, service))).by).toBe(0);
    expect((await moved(() => changeService(ctx, 'revisione', { retired: true }))).by).toBeGreaterThan(0);
    expect((await moved(() => changeService(ctx, 'nessuno', { retired: true }))).by).toBe(0);
  });
});
