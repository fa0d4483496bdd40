// One person's profile document (docs/profile-format.md, rollwell.profile/2) as the API stores it,
// and the screening facts the pages need: which ids there are, in which order they are asked, and
// what a "yes" does. The ids are DOMAIN.md §5's shared contract (ScreeningId in the therapy module).
import { get, put, ApiError } from './api.js';

export const FORMAT = 'rollwell.profile/2';

/** Symptoms now: asked at every check-in, never cleared in advance (DOMAIN.md §5). */
export const SYMPTOMS_NOW = ['RF_CAUDA_EQUINA', 'RF_PROGRESSIVE_DEFICIT', 'RF_FEVER_INFECTION'];
/** History red flags: block until a clinician's clearance is recorded. */
export const HISTORY_FLAGS = ['RF_CANCER_HISTORY', 'RF_WEIGHT_LOSS', 'RF_TRAUMA', 'RF_NIGHT_PAIN', 'RF_AGE_ONSET',
  'RF_FRACTURE_RISK'];
/** Contraindications a clearance can lift (DOMAIN.md §5: "The same clearance lifts CI_ACTIVE_CANCER and CI_DVT"). */
export const CLEARABLE_CI = ['CI_DVT', 'CI_ACTIVE_CANCER'];
export const CLEARABLE = [...HISTORY_FLAGS, ...CLEARABLE_CI];
/** Every screening id in the order asked: red flags first, so a stop comes before any other question. */
export const QUESTIONS = [...SYMPTOMS_NOW, ...HISTORY_FLAGS,
  'CI_DVT', 'CI_PREGNANCY', 'CI_ACTIVE_CANCER', 'CI_RECENT_SURGERY_OR_FRACTURE', 'CI_OSTEOPOROSIS',
  'CI_ANTICOAGULANT', 'CI_REDUCED_SENSATION', 'CI_HEAT_INTOLERANCE', 'CI_SKIN_LESION', 'CI_IMPLANT', 'NO_DIAGNOSIS'];
/** Asked the positive way round: the answer "no" means the id applies. */
export const ASKED_POSITIVELY = ['NO_DIAGNOSIS'];
/** Always block, whatever is recorded. */
const ALWAYS_BLOCK = ['CI_PREGNANCY'];

export const LEVELS = ['C7', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5', 'S1'];
export const SIDES = ['LEFT', 'CENTER', 'RIGHT'];
export const CONDITIONS = ['DEGENERATION', 'FIBROMYALGIA', 'SCIATICA'];

export async function load(id) {
  return get(`/api/profiles/${encodeURIComponent(id)}`);
}

/** Reads the stored profile, lets {@code change} edit its document, and stores it whole. */
export async function update(id, change) {
  const stored = await load(id);
  const doc = structuredClone(stored.profile);
  doc.format = FORMAT;
  change(doc);
  return put(`/api/profiles/${encodeURIComponent(id)}`, { name: stored.name, profile: doc });
}

/** A clearance counts from its date for 12 months (DOMAIN.md §5), never from the future. */
export function clearanceCounts(c, today = new Date()) {
  const from = new Date(c.date + 'T00:00:00');
  if (Number.isNaN(from.getTime()) || from > today) return false;
  const until = new Date(from);
  until.setFullYear(until.getFullYear() + 1);
  return today < until;
}

/**
 * The screening verdict: the server's ({@code GET /api/profiles/{id}/screening}) where it has one,
 * else the same rules read from the stored answers, so the stop page works on any server.
 */
export async function verdict(stored) {
  try {
    const v = await get(`/api/profiles/${encodeURIComponent(stored.id)}/screening`);
    if (v && v.verdict) return v;
  } catch (err) {
    if (!(err instanceof ApiError) || !err.routeMissing) throw err;
  }
  return localVerdict(stored.profile);
}

export function localVerdict(doc) {
  const answers = doc.answers || {};
  const cleared = new Set((doc.clearances || []).filter((c) => clearanceCounts(c)).map((c) => c.id));
  const flags = [];
  for (const id of SYMPTOMS_NOW) if (answers[id] === true) flags.push({ code: id, kind: 'RED' });
  for (const id of ALWAYS_BLOCK) if (answers[id] === true) flags.push({ code: id, kind: 'BLOCK' });
  if (answers.CI_RECENT_SURGERY_OR_FRACTURE === true && !sixMonthsPast(doc.surgeryDate)) {
    flags.push({ code: 'CI_RECENT_SURGERY_OR_FRACTURE', kind: 'BLOCK' });
  }
  for (const id of CLEARABLE) {
    if (answers[id] === true && !cleared.has(id)) flags.push({ code: id, kind: id.startsWith('RF_') ? 'HISTORY' : 'CLEARABLE' });
  }
  const stop = flags.some((f) => f.kind === 'RED' || f.kind === 'BLOCK');
  return { verdict: stop ? 'STOP' : flags.length ? 'NEEDS_CLEARANCE' : 'OK', flags };
}

/** DOMAIN.md §5: a back surgery or fracture blocks until 6 months after its date; without a date, always. */
function sixMonthsPast(date, today = new Date()) {
  if (!date) return false;
  const after = new Date(date + 'T00:00:00');
  after.setMonth(after.getMonth() + 6);
  return !Number.isNaN(after.getTime()) && today >= after;
}

/** The first id not answered yet, or null when all are. */
export function firstUnanswered(doc) {
  const answers = doc.answers || {};
  return QUESTIONS.find((id) => typeof answers[id] !== 'boolean') || null;
}
