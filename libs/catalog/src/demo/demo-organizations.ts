import type { IndustryField } from '../catalog.constants';

/** Demo organizations of a believable Hubei city cluster (fictional names; contacts are made up). */
export interface DemoOrganization {
  key: string;
  name: string;
  kind: 'enterprise' | 'university' | 'institute';
  region: string;
  fields: IndustryField[];
  description: string;
}

export const DEMO_BUREAU = { name: '荆门市科学技术局', region: '荆门市', email: 'bureau@demo.jingmen.local', password: 'Demo-Bureau-2026' };

export const DEMO_ENTERPRISES: DemoOrganization[] = [
  {
    key: 'e1',
    name: '荆门楚磷化工有限公司',
    kind: 'enterprise',
    region: '钟祥市',
    fields: ['磷化工', '精细化工'],
    description: '磷矿采选、湿法磷酸、饲料级磷酸氢钙和磷石膏综合利用',
  },
  {
    key: 'e2',
    name: '荆门汉江石化新材料有限公司',
    kind: 'enterprise',
    region: '掇刀区',
    fields: ['石油化工', '新材料'],
    description: '炼化一体化下游高端聚烯烃、特种溶剂和催化剂',
  },
  {
    key: 'e3',
    name: '荆门锂源新能源科技有限公司',
    kind: 'enterprise',
    region: '掇刀区',
    fields: ['动力储能电池', '新能源'],
    description: '磷酸铁锂正极材料、储能电池模组及梯次利用',
  },
  {
    key: 'e4',
    name: '京山智能装备制造有限公司',
    kind: 'enterprise',
    region: '京山市',
    fields: ['高端装备制造', '汽车及零部件'],
    description: '轻工机械、智能包装生产线和数控加工',
  },
  {
    key: 'e5',
    name: '荆门漳河通航产业发展有限公司',
    kind: 'enterprise',
    region: '东宝区',
    fields: ['通用航空'],
    description: '通用飞机总装、航空维修和低空飞行服务',
  },
  {
    key: 'e6',
    name: '钟祥稻香现代农业有限公司',
    kind: 'enterprise',
    region: '钟祥市',
    fields: ['现代农业', '农产品加工'],
    description: '优质稻、富硒农产品种植加工和农业社会化服务',
  },
  {
    key: 'e7',
    name: '天门楚天医药化工有限公司',
    kind: 'enterprise',
    region: '天门市',
    fields: ['生物医药', '精细化工'],
    description: '原料药、医药中间体和制剂生产',
  },
  {
    key: 'e8',
    name: '天门汉派服饰有限公司',
    kind: 'enterprise',
    region: '天门市',
    fields: ['纺织服装'],
    description: '针织服装设计生产和电商直播销售',
  },
  {
    key: 'e9',
    name: '天门精工泵阀有限公司',
    kind: 'enterprise',
    region: '天门市',
    fields: ['泵阀制造', '高端装备制造'],
    description: '化工流程泵、耐腐蚀阀门和智能控制阀',
  },
  {
    key: 'e10',
    name: '荆州长江汽车零部件有限公司',
    kind: 'enterprise',
    region: '荆州区',
    fields: ['汽车及零部件'],
    description: '汽车转向系统、制动零部件和轻量化结构件',
  },
  {
    key: 'e11',
    name: '荆州江汉电子科技有限公司',
    kind: 'enterprise',
    region: '沙市区',
    fields: ['电子信息', '数字经济'],
    description: '印制电路板、电子元器件和工业物联网终端',
  },
  {
    key: 'e12',
    name: '荆州绿源环保科技有限公司',
    kind: 'enterprise',
    region: '荆州区',
    fields: ['节能环保'],
    description: '工业废水处理、VOCs 治理和环保设备',
  },
  {
    key: 'e13',
    name: '沙洋再生资源循环利用有限公司',
    kind: 'enterprise',
    region: '沙洋县',
    fields: ['再生资源循环利用'],
    description: '废旧金属、废塑料和报废汽车拆解回收',
  },
  {
    key: 'e14',
    name: '监利粮油食品有限公司',
    kind: 'enterprise',
    region: '监利市',
    fields: ['食品加工', '农产品加工'],
    description: '大米、菜籽油精深加工和预制菜',
  },
  {
    key: 'e15',
    name: '松滋新型建材有限公司',
    kind: 'enterprise',
    region: '松滋市',
    fields: ['建筑建材'],
    description: '装配式建筑构件、新型墙材和特种砂浆',
  },
  {
    key: 'e16',
    name: '洪湖水产科技有限公司',
    kind: 'enterprise',
    region: '洪湖市',
    fields: ['现代农业', '食品加工'],
    description: '小龙虾、河蟹生态养殖和水产品加工',
  },
];

export const DEMO_RESEARCH: DemoOrganization[] = [
  {
    key: 'u1',
    name: '荆门理工大学',
    kind: 'university',
    region: '荆门市',
    fields: ['磷化工', '精细化工', '新材料', '动力储能电池', '高端装备制造'],
    description: '化工、材料和机械学科见长的地方高校',
  },
  {
    key: 'u2',
    name: '荆州农林科技大学',
    kind: 'university',
    region: '荆州市',
    fields: ['现代农业', '农产品加工', '食品加工', '生物医药'],
    description: '农学、园艺和食品科学学科',
  },
  {
    key: 'u3',
    name: '江汉石油工程学院',
    kind: 'university',
    region: '荆州市',
    fields: ['石油化工', '节能环保', '建筑建材', '现代物流'],
    description: '石油工程、化工和环境学科',
  },
  {
    key: 'u4',
    name: '天门职业技术大学',
    kind: 'university',
    region: '天门市',
    fields: ['纺织服装', '泵阀制造', '汽车及零部件', '电子信息', '数字经济'],
    description: '服装、机电和信息类应用型学科',
  },
  {
    key: 'i1',
    name: '湖北磷化工产业技术研究院',
    kind: 'institute',
    region: '钟祥市',
    fields: ['磷化工', '再生资源循环利用', '节能环保'],
    description: '磷资源高效利用与磷石膏综合利用',
  },
  {
    key: 'i2',
    name: '荆门市农业科学研究所',
    kind: 'institute',
    region: '荆门市',
    fields: ['现代农业', '农产品加工'],
    description: '水稻、油菜育种和绿色种养技术',
  },
  {
    key: 'i3',
    name: '荆门通用航空技术研究院',
    kind: 'institute',
    region: '东宝区',
    fields: ['通用航空', '高端装备制造', '新能源'],
    description: '通用航空器、无人机和航空材料',
  },
  {
    key: 'i4',
    name: '荆州新材料与电子信息研究院',
    kind: 'institute',
    region: '沙市区',
    fields: ['新材料', '电子信息', '新能源', '动力储能电池', '医疗器械', '数字经济'],
    description: '新材料、电子信息和新能源应用研究',
  },
];
