import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDate, type AuthUser, type OrganizationKind } from '@app/core';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { AdoptionsService } from '../adoptions.service';
import { CONTRACT_KINDS, CooperationMode, IndustryField } from '../catalog.constants';
import type { CreateAdoptionDto } from '../dto/adoption.dto';
import type { CreateNeedDto } from '../dto/need.dto';
import type { CreateResultDto } from '../dto/result.dto';
import { NeedsService } from '../needs.service';
import { applicationCheckChar } from '../patent-number.util';
import { ResultsService } from '../results.service';
import { DEMO_BUREAU, DEMO_ENTERPRISES, DEMO_RESEARCH, DemoOrganization } from './demo-organizations';
import { DemoNeed, loadDemoNeeds } from './demo-needs';

export const DEMO_PASSWORD = 'Demo-Org-2026';

/**
 * A line of results-demo.jsonl: a paper's text (see ATTRIBUTION.md) with made-up supply-list details
 * (owner, TRL, price, cooperation modes) chosen to suit the demo need it answers
 * (scripts/select-demo-results.ts writes the file).
 */
interface DemoResultRecord {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  field: IndustryField;
  /** Key of the university or institute in DEMO_RESEARCH that offers it. */
  owner: string;
  trl: number;
  /** Asking price in 万元; null when the price is negotiable (面议). */
  priceWan: number | null;
  modes: CooperationMode[];
  source: 'CSL' | 'ChinaXiv';
  origin: string;
  /** Left in the review workflow instead of published. */
  state?: 'draft' | 'submitted';
}

export interface DemoSummary {
  organizations: number;
  needs: { total: number; published: number };
  results: { total: number; published: number };
  adoptions: { total: number; confirmed: number; amountYuan: number };
  logins: { role: string; email: string; password: string }[];
}

/** A small deterministic generator, so every run of the seed makes the same city. */
class Dice {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state * 1103515245 + 12345) % 2147483648;
    return this.state / 2147483648;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const REGION_CODE: Record<string, string> = {
  天门市: '91429006',
  监利市: '91421000',
  松滋市: '91421000',
  洪湖市: '91421000',
  荆州区: '91421000',
  沙市区: '91421000',
};

/** Fills the three lists with a believable city through the services, so audit entries and outbox events exist. */
export class DemoSeeder {
  private readonly dice = new Dice(20261123);
  private bureau!: AuthUser;
  private readonly users = new Map<string, AuthUser>();

  constructor(
    private readonly provisioning: ProvisioningService,
    private readonly needs: NeedsService,
    private readonly results: ResultsService,
    private readonly adoptions: AdoptionsService,
  ) {}

  async run(): Promise<DemoSummary> {
    await this.provision();
    // Results first: an item is matched when it is published, against what the other list holds
    // then. Publishing the needs last matches each of them against the whole supply list.
    const results = await this.seedResults();
    const needs = await this.seedNeeds();
    const adoptions = await this.seedAdoptions(results.publishedIds);
    return {
      organizations: 1 + DEMO_ENTERPRISES.length + DEMO_RESEARCH.length,
      needs: { total: needs.total, published: needs.published },
      results: { total: results.total, published: results.publishedIds.length },
      adoptions,
      logins: [
        { role: '科技局', email: DEMO_BUREAU.email, password: DEMO_BUREAU.password },
        { role: `企业（${DEMO_ENTERPRISES[0].name}）`, email: emailOf(DEMO_ENTERPRISES[0]), password: DEMO_PASSWORD },
        { role: `高校（${DEMO_RESEARCH[0].name}）`, email: emailOf(DEMO_RESEARCH[0]), password: DEMO_PASSWORD },
        { role: `评审专家（${DEMO_RESEARCH[0].name}）`, email: expertEmailOf(DEMO_RESEARCH[0]), password: DEMO_PASSWORD },
      ],
    };
  }

  private async provision(): Promise<void> {
    const b = await this.provisioning.createVerifiedOrganization({
      name: DEMO_BUREAU.name,
      kind: 'bureau',
      region: DEMO_BUREAU.region,
      users: [{ email: DEMO_BUREAU.email, password: DEMO_BUREAU.password, name: '科技成果转化科' }],
    });
    this.bureau = authUser(b.users[0].id, b.organization.id, 'bureau', DEMO_BUREAU.email);
    for (const [i, o] of [...DEMO_ENTERPRISES, ...DEMO_RESEARCH].entries()) {
      const { organization, users } = await this.provisioning.createVerifiedOrganization({
        name: o.name,
        kind: o.kind,
        region: o.region,
        creditCode: o.kind === 'enterprise' ? creditCode(o.region, i) : null,
        description: o.description,
        users: [
          { email: emailOf(o), password: DEMO_PASSWORD, name: `${this.dice.pick(SURNAMES)}${o.kind === 'enterprise' ? '经理' : '老师'}` },
          // Universities and institutes lend the bureau's expert pool one reviewer each, in their fields.
          ...(o.kind === 'enterprise'
            ? []
            : [
                {
                  email: expertEmailOf(o),
                  password: DEMO_PASSWORD,
                  name: `${this.dice.pick(SURNAMES)}教授`,
                  isExpert: true,
                  expertFields: [...o.fields],
                },
              ]),
        ],
      });
      this.users.set(o.key, authUser(users[0].id, organization.id, o.kind, emailOf(o)));
    }
  }

  private async seedNeeds(): Promise<{ total: number; published: number }> {
    const demoNeeds: DemoNeed[] = loadDemoNeeds();
    let published = 0;
    for (const [i, d] of demoNeeds.entries()) {
      const owner = this.user(d.enterprise);
      const org = DEMO_ENTERPRISES.find((e) => e.key === d.enterprise) as DemoOrganization;
      const dto: CreateNeedDto = {
        title: d.title,
        description: d.description,
        keywords: d.keywords,
        field: d.field,
        trl: d.trl,
        budgetMinYuan: d.budgetWan ? d.budgetWan[0] * 10_000 : undefined,
        budgetMaxYuan: d.budgetWan ? d.budgetWan[1] * 10_000 : undefined,
        cooperationModes: d.modes,
        region: org.region,
        deadline: daysFromToday(d.deadlineDays + i),
        ...this.contact(),
      };
      const need = await this.needs.create(dto, owner);
      // The last few stay in the workflow so that the review queue and the owner's list show them.
      const left = demoNeeds.length - i;
      if (left === 1) continue;
      await this.needs.submit(need.id, owner);
      if (left <= 3) continue;
      if (left === 4) await this.needs.reject(need.id, '需求描述中的现有工艺参数不完整，请补充后重新提交', this.bureau);
      else {
        await this.needs.approve(need.id, null);
        published++;
      }
    }
    return { total: demoNeeds.length, published };
  }

  private async seedResults(): Promise<{ total: number; publishedIds: { id: string; field: string }[] }> {
    const records = readFileSync(join(__dirname, 'results-demo.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DemoResultRecord);
    const publishedIds: { id: string; field: string }[] = [];
    for (const r of records) {
      const owner = DEMO_RESEARCH.find((o) => o.key === r.owner);
      if (!owner) throw new Error(`demo result ${r.id}: unknown owner ${r.owner}`);
      const user = this.user(owner.key);
      const dto: CreateResultDto = {
        title: r.title,
        summary: r.summary,
        keywords: [...new Set(r.keywords)].slice(0, 8),
        field: r.field,
        trl: r.trl,
        patentNumbers: this.patents(),
        cooperationModes: r.modes,
        priceNegotiable: r.priceWan === null,
        askingPriceYuan: r.priceWan === null ? undefined : r.priceWan * 10_000,
        teamLead: `${this.dice.pick(SURNAMES)}${this.dice.pick(['教授', '研究员', '副教授', '高级工程师'])}`,
        region: owner.region,
        ...this.contact(),
      };
      const result = await this.results.create(dto, user);
      if (r.state === 'draft') continue;
      await this.results.submit(result.id, user);
      if (r.state === 'submitted') continue;
      await this.results.approve(result.id, null);
      publishedIds.push({ id: result.id, field: r.field });
    }
    return { total: records.length, publishedIds };
  }

  private async seedAdoptions(results: { id: string; field: string }[]): Promise<DemoSummary['adoptions']> {
    let confirmed = 0;
    let amountYuan = 0;
    for (let i = 0; i < 20; i++) {
      const result = results[(i * 7 + 3) % results.length];
      const fitting = DEMO_ENTERPRISES.filter((e) => (e.fields as string[]).includes(result.field));
      const enterprise = fitting.length ? fitting[i % fitting.length] : DEMO_ENTERPRISES[i % DEMO_ENTERPRISES.length];
      const amount = this.dice.int(8, 600) * 10_000;
      const realized = i % 3 === 0;
      const benefitWan = realized ? this.dice.int(500, 8000) : this.dice.int(1000, 20000);
      const dto: CreateAdoptionDto = {
        resultId: result.id,
        contractKind: CONTRACT_KINDS[i % CONTRACT_KINDS.length],
        amountYuan: amount,
        signedOn: daysFromToday(-this.dice.int(10, 400)),
        contractRegistrationNo: `2026420800${String(100 + i).padStart(6, '0')}`,
        benefitKind: realized ? 'realized' : 'expected',
        benefit: realized ? `已实现新增产值 ${benefitWan} 万元` : `预计投产后年新增产值 ${benefitWan} 万元`,
        // The amount too, so the bureau's figures add up the benefit, not only its text.
        benefitAmountYuan: benefitWan * 10_000,
      };
      const adoption = await this.adoptions.create(dto, this.user(enterprise.key));
      if (i >= 18) continue;
      await this.adoptions.confirm(adoption.id, null);
      confirmed++;
      amountYuan += amount;
    }
    return { total: 20, confirmed, amountYuan };
  }

  private contact(): { contactName: string; contactPhone: string; contactEmail: string } {
    const n = this.dice.int(1000, 9999);
    return { contactName: `${this.dice.pick(SURNAMES)}工`, contactPhone: `0724-660${n}`, contactEmail: `contact${n}@demo.jingmen.local` };
  }

  /** Valid (made-up) patent numbers: application numbers with their check digit, or publication numbers. */
  private patents(): string[] {
    const count = this.dice.int(0, 2);
    return Array.from({ length: count }, () => {
      if (this.dice.next() < 0.3) return `CN${this.dice.int(110, 119)}${this.dice.int(100000, 999999)}A`;
      const digits = `${this.dice.int(2018, 2024)}${this.dice.pick(['1', '2'])}${String(this.dice.int(1, 9_999_999)).padStart(7, '0')}`;
      return `CN${digits}.${applicationCheckChar(digits)}`;
    });
  }

  private user(key: string): AuthUser {
    const u = this.users.get(key);
    if (!u) throw new Error(`demo organization ${key} missing`);
    return u;
  }
}

function authUser(userId: string, organizationId: string, kind: OrganizationKind, email: string): AuthUser {
  return {
    userId,
    organizationId,
    organizationKind: kind,
    organizationStatus: 'verified',
    role: 'admin',
    isExpert: false,
    email,
    name: email,
  };
}

function emailOf(o: DemoOrganization): string {
  return `${o.key}@demo.jingmen.local`;
}

/** The demo expert of a university or institute (e.g. u1-expert@demo.jingmen.local). */
function expertEmailOf(o: DemoOrganization): string {
  return `${o.key}-expert@demo.jingmen.local`;
}

function creditCode(region: string, i: number): string {
  const body = `${REGION_CODE[region] ?? '91420800'}MA4${String(100000 + i * 7919).slice(-6)}`;
  return body + creditCodeCheckChar(body);
}

function daysFromToday(days: number): string {
  return chinaDate(new Date(Date.now() + days * 86_400_000));
}
