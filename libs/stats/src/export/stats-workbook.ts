import ExcelJS from 'exceljs';
import { chinaDateTime } from '@app/core';
import type {
  ChallengeFiguresDto,
  ContractBreakdownDto,
  ContractFiguresDto,
  FunnelFiguresDto,
  ListsFiguresDto,
  OrganizationFiguresDto,
  StatsScopeDto,
} from '../dto/figures.dto';
import type { TargetViewDto } from '../targets/target.dto';

type Cell = string | number | null;

export const FIGURE_SHEETS = ['lists', 'funnel', 'contracts', 'challenges', 'organizations', 'targets'] as const;
export type FigureSheet = (typeof FIGURE_SHEETS)[number];

export interface WorkbookFigures {
  lists?: ListsFiguresDto;
  funnel?: FunnelFiguresDto;
  contracts?: ContractFiguresDto;
  challenges?: ChallengeFiguresDto;
  organizations?: OrganizationFiguresDto;
  targets?: TargetViewDto[];
}

const pct = (r: number | null): Cell => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

/** The filter as a sentence, written at the top of every sheet. */
export function filterLine(s: StatsScopeDto): string {
  return `统计期间：${s.periodLabel}（${s.from} 至 ${s.to}，北京时间）；地区：${s.place}；产业领域：${s.field ?? '全部'}`;
}

/** A sheet that starts with its title, the filter and the time of export, then tables with Chinese headers. */
class Sheet {
  private readonly ws: ExcelJS.Worksheet;

  constructor(wb: ExcelJS.Workbook, name: string, title: string, lines: string[]) {
    this.ws = wb.addWorksheet(name);
    this.ws.addRow([title]).font = { bold: true, size: 14 };
    for (const l of lines) this.ws.addRow([l]);
    this.ws.addRow([]);
  }

  table(caption: string, header: string[], rows: Cell[][]): this {
    this.ws.addRow([caption]).font = { bold: true };
    this.ws.addRow(header).font = { bold: true };
    for (const r of rows) this.ws.addRow(r);
    if (rows.length === 0) this.ws.addRow(['（无数据）']);
    this.ws.addRow([]);
    return this;
  }

  widths(...w: number[]): this {
    w.forEach((width, i) => (this.ws.getColumn(i + 1).width = width));
    return this;
  }
}

const contractRows = (rows: ContractBreakdownDto[]): Cell[][] => rows.map((r) => [r.key, r.count, r.techAmountYuan, r.amountYuan]);
const CONTRACT_HEADER = ['分组', '合同数', '技术交易额（元）', '合同金额（元）'];

/** Every figure asked for, one sheet each, for the bureau's quarterly report. */
export async function statsWorkbook(scope: StatsScopeDto, f: WorkbookFigures, exportedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '科技成果转化供需对接平台';
  const head = (extra?: string): string[] => [`筛选条件：${filterLine(scope)}${extra ?? ''}`, `导出时间：${chinaDateTime(exportedAt)}`];

  if (f.lists) {
    const { needs, results, conversion } = f.lists;
    const fields = [...new Set([...needs.newByField, ...results.newByField].map((x) => x.key))];
    const counties = [...new Set([...needs.newByCounty, ...results.newByCounty].map((x) => x.key))];
    const months = [...new Set([...needs.newByMonth, ...results.newByMonth].map((x) => x.key))].sort();
    const of = (rows: { key: string; count: number }[], key: string): number => rows.find((r) => r.key === key)?.count ?? 0;
    new Sheet(wb, '三张清单', '供给、需求、应用三张清单', head())
      .table(
        '清单数量',
        ['指标', '技术需求', '科技成果'],
        [
          ['期末在库（已发布未关闭）', needs.published, results.published],
          ['统计期内新增发布', needs.new, results.new],
          ['统计期内关闭', needs.closed, results.closed],
          ['已对接成交的需求 / 已转化应用的成果', needs.met, results.applied],
        ],
      )
      .table(
        '成果转化率',
        ['统计期内新发布成果', '其中已认定登记技术合同的', '成果转化率', '口径'],
        [[conversion.publishedResults, conversion.convertedResults, pct(conversion.rate), conversion.definition]],
      )
      .table(
        '新增按产业领域',
        ['产业领域', '技术需求', '科技成果'],
        fields.map((k) => [k, of(needs.newByField, k), of(results.newByField, k)]),
      )
      .table(
        '新增按县（市、区）',
        ['县（市、区）', '技术需求', '科技成果'],
        counties.map((k) => [k, of(needs.newByCounty, k), of(results.newByCounty, k)]),
      )
      .table(
        '新增按月份',
        ['月份', '技术需求', '科技成果'],
        months.map((k) => [k, of(needs.newByMonth, k), of(results.newByMonth, k)]),
      )
      .widths(34, 16, 16, 60);
  }

  if (f.funnel) {
    const fu = f.funnel;
    new Sheet(wb, '对接漏斗', '供需匹配与对接漏斗', head())
      .table(
        '各环节',
        ['环节', '数量', '较上一环节转化率'],
        fu.steps.map((s) => [s.label, s.count, s.conversion === null ? '—' : pct(s.conversion)]),
      )
      .table('答复', ['已答复的请求数', '答复时间中位数（小时）'], [[fu.answered, fu.medianResponseHours ?? '—']])
      .table('口径', ['说明'], [[fu.definition]])
      .widths(24, 14, 20);
  }

  if (f.contracts) {
    const c = f.contracts;
    new Sheet(wb, '技术合同', '技术合同认定登记', head())
      .table('合计', ['合同数', '技术交易额（元）', '合同金额（元）'], [[c.total.count, c.total.techAmountYuan, c.total.amountYuan]])
      .table('按技术合同类别', CONTRACT_HEADER, contractRows(c.byKind))
      .table('按产业领域', CONTRACT_HEADER, contractRows(c.byField))
      .table('按买方所在县（市、区）', CONTRACT_HEADER, contractRows(c.byCounty))
      .table('按买方单位类型', CONTRACT_HEADER, contractRows(c.byBuyerKind))
      .table('按卖方单位类型', CONTRACT_HEADER, contractRows(c.bySellerKind))
      .table('按登记月份', CONTRACT_HEADER, contractRows(c.byMonth))
      .table('当前待办（不限期间）', ['待认定登记', '已退回待修改'], [[c.awaitingCertification, c.returned]])
      .table('口径', ['说明'], [[c.definition]])
      .widths(24, 12, 20, 20);
  }

  if (f.challenges) {
    const ch = f.challenges;
    new Sheet(wb, '揭榜挂帅', '揭榜挂帅', head())
      .table(
        '概况',
        ['发布榜单数', '重点支持项目数', '已承诺资金（元）', '已拨付资金（元）', '通过验收', '未通过验收', '完成率'],
        [[ch.published, ch.supported, ch.fundsCommittedYuan, ch.fundsReleasedYuan, ch.completed, ch.failed, pct(ch.completionRate)]],
      )
      .table(
        '各年度各领域发布的榜单数',
        ['年度', '产业领域', '榜单数'],
        ch.challengesByYearAndField.map((r) => [r.year, r.field, r.challenges]),
      )
      .table(
        '各榜单的申请数',
        ['榜单', '产业领域', '申请数（不含草稿和已撤回）'],
        ch.proposalsPerChallenge.map((r) => [r.title, r.field, r.proposals]),
      )
      .table('口径', ['说明'], [[ch.definition]])
      .widths(40, 16, 18, 18, 12, 12, 12);
  }

  if (f.organizations) {
    const o = f.organizations;
    new Sheet(wb, '单位', '单位认证与活跃', head('（本表不按产业领域筛选）'))
      .table(
        '按单位类型',
        ['单位类型', '期末已认证', '统计期内新认证', '统计期内活跃'],
        o.byKind.map((k) => [k.label, k.verified, k.newlyVerified, k.active]),
      )
      .table(
        '期末已认证单位按县（市、区）',
        ['县（市、区）', '企业', '高校', '科研院所', '合计'],
        o.byCounty.map((c) => [c.county, c.enterprise, c.university, c.institute, c.total]),
      )
      .table('口径', ['说明'], [[o.definition]])
      .widths(24, 14, 16, 14, 10);
  }

  if (f.targets) {
    new Sheet(wb, '目标进度', '规划目标及进度', [
      `导出时间：${chinaDateTime(exportedAt)}`,
      '（目标按各自的地区与年度计算，不受上述筛选条件影响）',
    ])
      .table(
        '目标',
        [
          '目标名称',
          '指标',
          '地区',
          '目标年度',
          '目标值',
          '单位',
          '目前的值',
          '截至',
          '完成比例',
          '速度（每年）',
          '预计达到年份',
          '能否按期',
          '出自',
        ],
        f.targets.map((t) => [
          t.name,
          t.metricLabel,
          t.place,
          t.dueYear,
          t.targetValue,
          t.unit,
          t.progress.valueSoFar,
          t.progress.asOf,
          pct(t.progress.shareReached),
          t.progress.runRate ?? '—',
          t.progress.yearReached ?? '按当前速度无法达到',
          t.progress.onTrack ? '能' : '不能',
          t.sourceDocument,
        ]),
      )
      .widths(20, 20, 10, 10, 16, 6, 16, 22, 10, 16, 14, 10, 40);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
