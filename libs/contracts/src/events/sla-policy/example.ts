import type { SlaPolicyDefine, SlaPolicyVersioned } from './schema';

const ladder = [
  { level: 'team-lead', offset: { amount: -10, unit: 'minutes' }, notify: 'team-lead', dispatchAction: 'raise-priority' as const },
  { level: 'department-head', offset: { amount: 0, unit: 'minutes' }, notify: 'department-head', dispatchAction: 'support-team' as const },
];

const fields = {
  name: 'VIP broadband repair in Hangzhou',
  selector: { kinds: ['repair'], services: ['broadband'], tiers: ['vip'], regions: ['hangzhou'] },
  calendar: { timeZone: 'Asia/Shanghai', hours: '24x7' as const },
  metrics: [
    { metric: 'first-response', target: { amount: 15, unit: 'minutes' }, startsOn: 'ticket' as const, stopsOn: 'first-contact' as const, pausable: false, warnings: [0.5, 0.8], escalations: ladder },
    {
      metric: 'resolution',
      target: { amount: 1, unit: 'working-days' },
      startsOn: 'ticket' as const,
      stopsOn: 'completion' as const,
      pausable: true,
      warnings: [0.5, 0.8],
      escalations: ladder,
      calendar: { timeZone: 'Asia/Shanghai', hours: { mon: ['09:00-12:00', '13:00-18:00'], tue: ['09:00-12:00', '13:00-18:00'] }, holidays: [{ yearly: '10-01', name: 'National Day' }] },
    },
  ],
};

export const slaPolicyDefineExample: SlaPolicyDefine = { policyId: 'vip-broadband-hangzhou', baseVersion: 0, ...fields, definedBy: 'ops/hangzhou' };

export const slaPolicyVersionedExample: SlaPolicyVersioned = { policyId: 'vip-broadband-hangzhou', version: 1, effectiveFrom: '2026-11-24T01:00:00Z', ...fields, builtIn: false, definedBy: 'ops/hangzhou' };
