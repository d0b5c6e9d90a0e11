import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CooperationMode, IndustryField } from '../catalog.constants';

/**
 * A demo need as an enterprise would word it (written for this project; the organizations are
 * fictional). Budgets in 万元, converted by the seeder. The texts live in needs-demo.jsonl.
 */
export interface DemoNeed {
  enterprise: string;
  field: IndustryField;
  title: string;
  description: string;
  keywords: string[];
  trl: number;
  budgetWan: [number, number] | null;
  modes: CooperationMode[];
  deadlineDays: number;
}

export function loadDemoNeeds(): DemoNeed[] {
  return readFileSync(join(__dirname, 'needs-demo.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DemoNeed);
}
