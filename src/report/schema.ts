/** Validation against the published JSON Schema of the report, used by tests and `--validate`. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schemaUrl = new URL('../../schema/report.schema.json', import.meta.url);

let validator: (((data: unknown) => boolean) & { errors?: unknown }) | undefined;

export function validateReportSchema(report: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));
  }
  if (validator(report)) return [];
  return ((validator.errors as { instancePath: string; message?: string }[]) ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''}`,
  );
}
