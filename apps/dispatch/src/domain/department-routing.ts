/**
 * Complaints in the back office (domain.md §3 "Departments", seed 003): the network optimisation
 * centre (网优中心) is the single receiving and replying interface; it may hand a complaint to
 * maintenance, construction, network management or the expert seat. "投诉处理流程不允许工单回送" —
 * no ticket is sent back: a department may transfer a complaint only to a department that has not
 * held it yet, and the department holding it at the end gives the final reply.
 */

/** The departments, by id, and which one receives every complaint (configuration: DEPARTMENTS, DEPARTMENT_RECEIVING). */
export interface DepartmentDirectory {
  /** The receiving and replying interface: every routed complaint starts there. */
  receiving: string;
  /** Every department a complaint may be transferred to, the receiving one included. */
  departments: readonly string[];
}

/** The defaults, from seed 003: 网优中心, 维护 (equipment faults), 建设 (new build), 网管 (fault location), 专家坐席 (hard cases). */
export const DEFAULT_DEPARTMENTS: DepartmentDirectory = {
  receiving: 'network-optimisation',
  departments: ['network-optimisation', 'maintenance', 'construction', 'network-management', 'expert-seat'],
};

/** Which complaints go to the back office instead of a technician (DEPARTMENT_COMPLAINT_SERVICES / _CATEGORIES). */
export interface DepartmentRouting {
  /** Services whose network complaints the centre takes (003: mobile network quality). */
  services: readonly string[];
  /** Complaint categories that are network quality, not a line or a box at the customer's home. */
  categories: readonly string[];
  /** Of those, the coverage categories first checked against the build-plan lists. */
  coverageCategories: readonly string[];
}

export const DEFAULT_ROUTING: DepartmentRouting = {
  services: ['mobile'],
  categories: ['weak-coverage', 'no-coverage', 'call-drops', 'data-speed'],
  coverageCategories: ['weak-coverage', 'no-coverage'],
};

export interface RoutableTicket {
  kind: string;
  service: string;
  complaintCategory?: string | null;
}

/** Does this ticket go to the departments (true) or to the technician selector (false)? */
export function goesToDepartments(t: RoutableTicket, routing: DepartmentRouting): boolean {
  if (t.kind !== 'complaint' || !t.complaintCategory) return false;
  return routing.services.includes(t.service) && routing.categories.includes(t.complaintCategory);
}

/** Is this routed complaint one the build-plan lists may answer? */
export function isCoverageComplaint(t: RoutableTicket, routing: DepartmentRouting): boolean {
  return goesToDepartments(t, routing) && routing.coverageCategories.includes(t.complaintCategory!);
}

/** A complaint's place in the back office, as dispatch keeps it. */
export interface DepartmentHolding {
  state: 'held' | 'replied';
  /** The department holding it now (the last of `chain`). */
  holder: string;
  /** Every department that held it, in order: the receiving one first. */
  chain: readonly string[];
}

export type DepartmentRefusal = { ok: false; code: DepartmentRefusalCode; message: string };
export type DepartmentRefusalCode =
  | 'DEPARTMENT.TICKET_NOT_HELD'
  | 'DEPARTMENT.ALREADY_REPLIED'
  | 'DEPARTMENT.NOT_HOLDER'
  | 'DEPARTMENT.UNKNOWN'
  | 'DEPARTMENT.SAME_DEPARTMENT'
  | 'DEPARTMENT.BOUNCE_BACK';

function holderCheck(h: DepartmentHolding | undefined, by: string): DepartmentRefusal | undefined {
  if (!h) return { ok: false, code: 'DEPARTMENT.TICKET_NOT_HELD', message: 'the ticket is not with the departments' };
  if (h.state === 'replied') return { ok: false, code: 'DEPARTMENT.ALREADY_REPLIED', message: `the ticket was already answered by ${h.holder}` };
  if (h.holder !== by) return { ok: false, code: 'DEPARTMENT.NOT_HOLDER', message: `${by} does not hold the ticket; ${h.holder} does` };
  return undefined;
}

/**
 * May `by` transfer the complaint to `to`? Only the holder may, only to a known department, and
 * never to one already in the chain — its sender or any earlier holder (A→B→C→A is the same
 * bounce-back by way of C). So a complaint is transferred at most (departments − 1) times.
 */
export function decideTransfer(h: DepartmentHolding | undefined, by: string, to: string, directory: DepartmentDirectory): { ok: true; chain: string[] } | DepartmentRefusal {
  const refused = holderCheck(h, by);
  if (refused) return refused;
  if (!directory.departments.includes(to)) return { ok: false, code: 'DEPARTMENT.UNKNOWN', message: `${to} is not a department (${directory.departments.join(', ')})` };
  if (to === by) return { ok: false, code: 'DEPARTMENT.SAME_DEPARTMENT', message: `${by} already holds the ticket` };
  if (h!.chain.includes(to)) {
    return { ok: false, code: 'DEPARTMENT.BOUNCE_BACK', message: `no bounce-back: ${to} already had the ticket (${h!.chain.join(' → ')}); ${by} must reply or transfer it onwards` };
  }
  return { ok: true, chain: [...h!.chain, to] };
}

/** May `by` give the final reply? Only the holder, once. */
export function decideReply(h: DepartmentHolding | undefined, by: string): { ok: true } | DepartmentRefusal {
  return holderCheck(h, by) ?? { ok: true };
}

/** The SMS carrying a department's final reply to the customer (the reply is the text, as the department wrote it). */
export function complaintReplyNotice(reply: string): { template: string; text: string } {
  const text = `Reply to your complaint: ${reply}`;
  return { template: 'complaint-replied', text: text.length <= 2000 ? text : `${text.slice(0, 1999)}…` };
}
