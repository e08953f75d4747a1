import { DispatchConfig } from './dispatch-config';

describe('DispatchConfig', () => {
  it('names 10000 as the supervision channel by default', () => {
    expect(DispatchConfig.fromEnv({}).supervisionChannel).toBe('10000');
  });

  it('takes SUPERVISION_CHANNEL from the environment', () => {
    expect(DispatchConfig.fromEnv({ SUPERVISION_CHANNEL: '12345' }).supervisionChannel).toBe('12345');
  });

  it('refuses a blank channel, naming the variable', () => {
    expect(() => DispatchConfig.fromEnv({ SUPERVISION_CHANNEL: '  ' })).toThrow(/SUPERVISION_CHANNEL/);
  });

  it('applies the rota in Asia/Shanghai by default, or DISPATCH_TIME_ZONE', () => {
    expect(DispatchConfig.fromEnv({}).timeZone).toBe('Asia/Shanghai');
    expect(DispatchConfig.fromEnv({ DISPATCH_TIME_ZONE: 'Europe/Paris' }).timeZone).toBe('Europe/Paris');
  });

  it('refuses an unknown time zone, naming the variable', () => {
    expect(() => DispatchConfig.fromEnv({ DISPATCH_TIME_ZONE: 'Mars/Olympus' })).toThrow(/DISPATCH_TIME_ZONE/);
  });
});

describe('DispatchConfig: appointments (ADR 0027)', () => {
  it('defaults to 2-hour windows over 3 days, 6 offered, 08:00–18:00, 60 minutes lead, and a 30-minute contact limit', () => {
    const c = DispatchConfig.fromEnv({});
    expect(c.appointments).toMatchObject({ slotMinutes: 120, horizonDays: 3, offerCount: 6, shiftStartMinute: 480, shiftEndMinute: 1080, minLeadMinutes: 60 });
    expect(c.appointments.serviceMinutes).toEqual({ install: 90, move: 120, repair: 60 });
    expect(c.contactLimitMinutes).toBe(30);
  });

  it('reads the working day as HH:MM and refuses one shorter than a window', () => {
    expect(DispatchConfig.fromEnv({ APPOINTMENT_SHIFT_START: '07:30', APPOINTMENT_SHIFT_END: '19:00' }).appointments).toMatchObject({ shiftStartMinute: 450, shiftEndMinute: 1140 });
    expect(() => DispatchConfig.fromEnv({ APPOINTMENT_SHIFT_START: '8am' })).toThrow(/APPOINTMENT_SHIFT_START/);
    expect(() => DispatchConfig.fromEnv({ APPOINTMENT_SHIFT_START: '17:00', APPOINTMENT_SHIFT_END: '18:00' })).toThrow(/APPOINTMENT_SHIFT_END/);
  });
});
