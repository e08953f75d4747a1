import type { TechnicianRegister } from '@switchboard/contracts';

/** A service zone ("包区", domain.md §1): a small area owned by one engineer. */
export interface DemoZone {
  code: string;
  county: string;
  centre: { lat: number; lon: number };
}

export interface DemoRegion {
  region: string;
  /** The region's fixed offset from UTC, for the call centre's daily curve. */
  utcOffsetMinutes: number;
  counties: readonly string[];
  zones: readonly DemoZone[];
  technicians: readonly TechnicianRegister[];
}

type Skills = TechnicianRegister['skills'];

const zone = (county: string, n: number, lat: number, lon: number): DemoZone => ({ code: `${county}-0${n}`, county, centre: { lat, lon } });

const XIHU_ZONES = [zone('xihu', 1, 30.2741, 120.1207), zone('xihu', 2, 30.2592, 120.1304), zone('xihu', 3, 30.2466, 120.1478), zone('xihu', 4, 30.2893, 120.0934), zone('xihu', 5, 30.2215, 120.1119)];
const GONGSHU_ZONES = [zone('gongshu', 1, 30.3187, 120.1424), zone('gongshu', 2, 30.3302, 120.1526), zone('gongshu', 3, 30.3079, 120.1622), zone('gongshu', 4, 30.3421, 120.1339), zone('gongshu', 5, 30.2998, 120.1371)];

/**
 * Skills of one area group of five (domain.md §3: groups of 4–6), spread so that every service ×
 * kind has at least one engineer, most have two, and each engineer has a speciality.
 */
const GROUP_SKILLS: readonly Skills[] = [
  [
    { service: 'broadband', kinds: ['install', 'move', 'repair'] },
    { service: 'iptv', kinds: ['install', 'move', 'repair'] },
  ],
  [
    { service: 'broadband', kinds: ['repair', 'complaint'] },
    { service: 'fixed', kinds: ['repair', 'complaint'] },
  ],
  [
    { service: 'fixed', kinds: ['install', 'move', 'repair'] },
    { service: 'broadband', kinds: ['install', 'move'] },
  ],
  [
    { service: 'mobile', kinds: ['install', 'move', 'repair', 'complaint'] },
    { service: 'iptv', kinds: ['complaint'] },
    { service: 'fixed', kinds: ['install'] },
  ],
  [
    { service: 'broadband', kinds: ['install', 'repair', 'complaint'] },
    { service: 'mobile', kinds: ['repair', 'complaint'] },
    { service: 'iptv', kinds: ['repair', 'complaint', 'move'] },
  ],
];

// Fake people for a demo: the names say so, and +86 555 is no Chinese number range.
const XIHU_NAMES = ['Wang Fang (demo)', 'Li Na (demo)', 'Zhang Wei (demo)', 'Liu Yang (demo)', 'Chen Jing (demo)'];
const GONGSHU_NAMES = ['Zhao Lei (demo)', 'Huang Min (demo)', 'Zhou Tao (demo)', 'Wu Xia (demo)', 'Xu Qiang (demo)'];

function group(prefix: string, county: string, groupCode: string, zones: readonly DemoZone[], names: readonly string[], phoneBlock: number): TechnicianRegister[] {
  return names.map((name, i) => {
    const home = zones[i]!;
    return {
      technicianId: `T-${prefix}-0${i + 1}`,
      name,
      phone: `+86 555 0${phoneBlock} 00${String(i + 1).padStart(2, '0')}`,
      employer: i === names.length - 1 ? 'contractor/hz-lianxin' : 'own-staff',
      region: 'hangzhou',
      county,
      zone: home.code,
      group: groupCode,
      skills: GROUP_SKILLS[i]!,
      // A little off the zone centre: where the engineer starts the day.
      position: { lat: Math.round((home.centre.lat + 0.002 * (i - 2)) * 1e4) / 1e4, lon: Math.round((home.centre.lon - 0.0015 * (i - 2)) * 1e4) / 1e4 },
      onDuty: true,
      // The simulator's default load (30 tickets a minute) is far above a real group's; the
      // demo keeps every ticket assignable.
      dailyCapacity: 100,
    };
  });
}

/** The demo region `make up` seeds: Hangzhou, two counties, five zones each, two area groups of five. */
export const DEMO_REGION: DemoRegion = {
  region: 'hangzhou',
  utcOffsetMinutes: 8 * 60,
  counties: ['xihu', 'gongshu'],
  zones: [...XIHU_ZONES, ...GONGSHU_ZONES],
  technicians: [...group('XH', 'xihu', 'xihu-a', XIHU_ZONES, XIHU_NAMES, 101), ...group('GS', 'gongshu', 'gongshu-a', GONGSHU_ZONES, GONGSHU_NAMES, 102)],
};
