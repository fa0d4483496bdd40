// A stand-in for the routes of the session API contract that this branch's server does not have yet
// (scans, plan preview, sessions, bed, diary, programs): it answers in the contract's shapes so the
// pages can be driven, checked and photographed now. Every other request goes to the real server.
// Calls are recorded in window.standInCalls. arguments[0] is a plan as `rollwell plan --json` writes it.
const plan = arguments[0];
const realFetch = window.standInRealFetch || window.fetch;
window.standInRealFetch = realFetch;
window.standInCalls = [];
let scanPolls = 0;
const json = (status, body, type) => new Response(body === null ? null : JSON.stringify(body),
  { status, headers: { 'Content-Type': type || 'application/json' } });
const problem = (status, type, detail, extra) => json(status, { type, title: 'refused', status, detail, ...extra },
  'application/problem+json');
const routes = [
  ['POST', /^\/api\/scans$/, () => json(202, { id: 7, state: 'RUNNING' })],
  ['GET', /^\/api\/scans\/7$/, () => (++scanPolls < 3
    ? json(200, { id: 7, state: 'RUNNING', progress: scanPolls * 0.4, result: null, reason: null })
    : json(200, { id: 7, state: 'DONE', progress: 1, reason: null, result: { status: 'OK', quality: 0.92,
      landmarks: { C7: 221.0, T12L1: 512.0, L5S1: 705.0 },
      levels: { C7: 221.0, T1: 244.0, T2: 267.5, T3: 291.0, T4: 314.0, T5: 337.5, T6: 361.0, T7: 386.0, T8: 409.5,
        T9: 433.0, T10: 456.0, T11: 479.5, T12: 502.0, L1: 532.0, L2: 570.0, L3: 608.5, L4: 646.5, L5: 684.5, S1: 727.0 } } }))],
  ['GET', /^\/api\/programs$/, () => json(200, [
    { id: 'lumbar-tension', title: 'Low back tension release', minutes: 31, goals: ['RELIEVE_TENSION'], builtIn: true },
    { id: 'evening-unwind', title: 'Evening unwind', minutes: 35, goals: ['STRESS'], builtIn: true }])],
  ['POST', /^\/api\/programs$/, () => problem(400, 'urn:rollwell:problem:invalid-field',
    '$.segments[1].technique: unknown technique "SHAKE"; must be one of ROLL, KNEAD, PRESS, STRETCH, WARM',
    { field: '$.segments[1].technique', errors: [
      { field: '$.segments[1].technique', reason: 'unknown technique "SHAKE"; must be one of ROLL, KNEAD, PRESS, STRETCH, WARM' },
      { field: '$.segments[2].seconds', reason: 'must be 60–1800, was 5' }] })],
  ['POST', /^\/api\/profiles\/[^/]+\/plan-preview$/, () => json(200, plan)],
  ['POST', /^\/api\/profiles\/[^/]+\/pain$/, () => json(201, { ok: true })],
  ['POST', /^\/api\/sessions$/, () => json(201, { id: 3, state: 'RUNNING', plan })],
  ['GET', /^\/api\/bed$/, () => json(200, { state: 'RUNNING', personOnBed: true, profileId: 1, profileName: 'Anna',
    locks: window.standInLocks || [], simulated: true })],
  ['POST', /^\/api\/sessions\/current\/adjust$/, (body) => (JSON.parse(body).intensity === 1
    ? problem(409, 'urn:rollwell:problem:at-limit', 'intensity: already at 4, the most your preferences allow (PREFERENCE); lower it or change your comfort settings', { field: 'intensity' })
    : json(200, { heat: 44 }))],
  ['POST', /^\/api\/sessions\/current\/(stop|pause|resume|acknowledge)$/, () => json(200, { state: 'STOPPED' })],
  ['GET', /^\/api\/sessions\?profileId=/, () => json(200, [
    { id: 3, startedAt: '2026-11-30T08:10:00Z', status: 'STOPPED', goal: 'RELIEVE_TENSION' },
    { id: 2, startedAt: '2026-11-29T18:00:00Z', status: 'COMPLETED', goal: 'STRESS' }])],
  ['GET', /^\/api\/sessions\/3$/, () => json(200, { id: 3, startedAt: '2026-11-30T08:10:00Z', status: 'STOPPED',
    record: { segments: plan.segments.map((s, i) => ({ technique: s.technique, plannedS: s.seconds, deliveredS: i < 3 ? s.seconds : i === 3 ? 95 : 0 })),
      faults: [{ code: 'USER_STOP', message: 'Stopped by STOP on the page' }], peaks: { forceN: 158.2, rollerTempC: 44.6 } } })],
];
window.fetch = async (path, init = {}) => {
  const method = (init.method || 'GET').toUpperCase();
  for (const [m, re, answer] of routes) {
    if (m === method && re.test(path)) {
      window.standInCalls.push(`${method} ${path}${init.body ? ' ' + init.body : ''}`);
      return answer(init.body || '{}');
    }
  }
  return realFetch(path, init);
};
