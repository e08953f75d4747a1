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
