import { DepartmentConfig } from './department-config';

describe('DepartmentConfig', () => {
  it('defaults to the departments of seed 003 and mobile network-quality complaints', () => {
    const c = DepartmentConfig.fromEnv({});
    expect(c.directory).toEqual({ receiving: 'network-optimisation', departments: ['network-optimisation', 'maintenance', 'construction', 'network-management', 'expert-seat'] });
    expect(c.routing).toEqual({ services: ['mobile'], categories: ['weak-coverage', 'no-coverage', 'call-drops', 'data-speed'], coverageCategories: ['weak-coverage', 'no-coverage'] });
  });

  it('reads comma-separated lists; an empty list routes no complaint to the departments', () => {
    const c = DepartmentConfig.fromEnv({ DEPARTMENT_COMPLAINT_CATEGORIES: '', DEPARTMENT_COMPLAINT_SERVICES: ' mobile , broadband ' });
    expect(c.routing.categories).toEqual([]);
    expect(c.routing.services).toEqual(['mobile', 'broadband']);
  });

  it('refuses a receiving department that is not one of the departments', () => {
    expect(() => DepartmentConfig.fromEnv({ DEPARTMENTS: 'maintenance,construction', DEPARTMENT_RECEIVING: 'network-optimisation' })).toThrow(/DEPARTMENT_RECEIVING/);
  });
});
