import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { DEFAULT_DEPARTMENTS, DEFAULT_ROUTING, type DepartmentDirectory, type DepartmentRouting } from '../domain/department-routing';

const list = (fallback: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? [...fallback] : v.split(',').map((s) => s.trim()).filter((s) => s.length > 0)));

/** The back office's settings (ADR 0030), validated at boot. */
export const departmentEnvSchema = z
  .object({
    /** Every department a complaint may be in, comma-separated ids. */
    DEPARTMENTS: list(DEFAULT_DEPARTMENTS.departments),
    /** The single receiving and replying interface (网优中心). */
    DEPARTMENT_RECEIVING: z.string().trim().min(1).default(DEFAULT_DEPARTMENTS.receiving),
    /** Services whose complaints of DEPARTMENT_COMPLAINT_CATEGORIES go to the departments instead of a technician. */
    DEPARTMENT_COMPLAINT_SERVICES: list(DEFAULT_ROUTING.services),
    DEPARTMENT_COMPLAINT_CATEGORIES: list(DEFAULT_ROUTING.categories),
    /** Of those, the coverage categories answered from the build-plan lists when listed. */
    DEPARTMENT_COVERAGE_CATEGORIES: list(DEFAULT_ROUTING.coverageCategories),
  })
  .refine((e) => e.DEPARTMENTS.includes(e.DEPARTMENT_RECEIVING), { message: 'DEPARTMENT_RECEIVING must be one of DEPARTMENTS', path: ['DEPARTMENT_RECEIVING'] });

export class DepartmentConfig {
  constructor(
    readonly directory: DepartmentDirectory,
    readonly routing: DepartmentRouting,
  ) {}

  static fromEnv(env: Record<string, string | undefined> = process.env): DepartmentConfig {
    const e = parseEnv(departmentEnvSchema, env);
    return new DepartmentConfig(
      { receiving: e.DEPARTMENT_RECEIVING, departments: e.DEPARTMENTS },
      { services: e.DEPARTMENT_COMPLAINT_SERVICES, categories: e.DEPARTMENT_COMPLAINT_CATEGORIES, coverageCategories: e.DEPARTMENT_COVERAGE_CATEGORIES },
    );
  }
}

export const departmentConfigProvider = { provide: DepartmentConfig, useFactory: () => DepartmentConfig.fromEnv() };
