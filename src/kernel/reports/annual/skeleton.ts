import type { AnnualPart } from './structure.ts';

/**
 * The first draft's text when no earlier edition exists: the bureau's 2024 report (reference/
 * zhenhai-2024-annual-report.txt) with its figures taken out — they come from the lines' registered paragraphs,
 * which the layout below slots between the narrative by position. Years are {{report.year}} / {{report.nextYear}},
 * so the text rolls over to the next year's draft. A line's paragraph not in the layout goes at the end of its part.
 */
export interface SkeletonBlock {
  part: AnnualPart;
  position: number;
  kind: 'heading' | 'narrative';
  newParagraph?: boolean;
  template: string;
}

/** Position and paragraph break of the lines' sections the seed report places (by section id). */
export const sectionLayout: Record<string, { position: number; newParagraph?: boolean }> = {
  'supervision.annual': { position: 20 },
  'supervision.landmark': { position: 25 },
  'legalityReview.annual': { position: 40 },
  'supervision.enforcement': { position: 45 },
  'supervision.honour': { position: 55 },
  'supervision.assessment': { position: 60 },
  'legalServices.annual': { position: 10 },
  'mediation.commercial': { position: 30 },
  'creditRepair.annual': { position: 40 },
  'communityCorrection.annual': { position: 20 },
  'supervision.exchange': { position: 35 },
  'mediation.annual': { position: 40 },
  'reconsideration.annual': { position: 60, newParagraph: true },
  'lawyers.annual': { position: 10 },
  'legalAid.workstations': { position: 20 },
  'legalAid.annual': { position: 30 },
};

export const skeleton: SkeletonBlock[] = [
  {
    part: 'title',
    position: 0,
    kind: 'heading',
    template: '镇海区司法局{{report.year}}年法治政府建设年度报告和{{report.nextYear}}年工作思路',
  },
  {
    part: 'preface',
    position: 10,
    kind: 'narrative',
    template:
      '今年以来，镇海区司法局深入贯彻落实习近平法治思想，围绕区委区政府总体部署和工作要求，聚焦法治镇海、优化法治化营商环境等重点工作和司法行政重点任务，扎实开展法治政府建设各项工作并取得积极成效。',
  },
  { part: 'overview', position: 0, kind: 'heading', template: '{{report.year}}年法治政府建设情况' },
  { part: 'work', position: 0, kind: 'heading', template: '持续推进法治建设各项工作' },
  {
    part: 'work',
    position: 10,
    kind: 'narrative',
    template: '组织召开区委全面依法治区委员会全体(扩大)会议。',
  },
  {
    part: 'work',
    position: 30,
    kind: 'narrative',
    template:
      // After the line's 标志性成果 (position 25), before its 合法性审查 figures (40).
      '在全市率先出台《镇海区合法性审查中心工作规程》《镇海区镇(街道)法审员管理办法》。',
  },
  {
    part: 'work',
    position: 50,
    kind: 'narrative',
    template:
      // Before the line's honours (position 55): 九龙湖镇人民政府获评…
      '推进宁波市乡镇街道法治建设数字化综合评价应用建设，打造“法治九龙”。',
  },
  { part: 'business', position: 0, kind: 'heading', template: '持续统筹加强法护营商举措' },
  {
    part: 'business',
    position: 20,
    kind: 'narrative',
    template: '出台《镇海区涉企法治服务增值化改革工作实施方案》，深化涉企法治服务增值化改革。',
  },
  {
    part: 'business',
    position: 50,
    kind: 'narrative',
    template:
      // After the line's 创新信用保护修复… sentence (position 40).
      '“信用修复与修复保护全链条改革”获全国信用体系优秀案例，相关信息、新闻被《人民网》《信用中国》《法治浙江》《潮新闻》等刊登。',
  },
  { part: 'safety', position: 0, kind: 'heading', template: '持续深耕巩固法治平安建设' },
  {
    part: 'safety',
    position: 10,
    kind: 'narrative',
    template:
      '完成“风信子”社区矫正社会化服务项目更新升级，严格落实重大活动维稳安保工作部署，实现风险隐患清零。',
  },
  {
    part: 'safety',
    position: 30,
    kind: 'narrative',
    template: '出台《区行政调解暂行办法》，制定全区调解力量统筹运行机制办法，建立健全区级调解人才库制度。',
  },
  {
    part: 'safety',
    position: 70,
    kind: 'narrative',
    template: '总体情况良好。',
  },
  { part: 'services', position: 0, kind: 'heading', template: '持续提升公共法律服务质效' },
  {
    part: 'services',
    // After the line's workstations (position 20): 在…成立…，为新业态就业劳动者提供一站式法律援助服务。
    position: 25,
    kind: 'narrative',
    template: '《深化新业态就业劳动者法律援助工作》揭榜全省法律援助工作重点项目。',
  },
  {
    part: 'leaderDuty',
    position: 0,
    kind: 'heading',
    template: '认真履行机关党组负责人法治建设第一责任人职责',
  },
  {
    part: 'leaderDuty',
    position: 10,
    kind: 'narrative',
    template:
      '区司法局主要负责人深入贯彻落实区委区政府关于法治建设的决策部署和工作要求，深入学习贯彻党的二十大和二十届二中、三中全会精神，认真履行法治建设第一责任人各项职责，将第一责任人履行法治建设情况列入年终述职内容。指导完善法治督察与纪检监察监督协作配合机制、推进法治建设标志性成果打造与法治实践项目培育等，组织开展习近平新时代中国特色社会主义思想、习近平法治思想等法治建设专题学习研讨，学习法治领域最新政策和法律法规。',
  },
  { part: 'plan', position: 0, kind: 'heading', template: '{{report.nextYear}}年工作计划' },
  ...[
    '一是加速构建一流示范高地。严格落实党政主要负责人履行推进法治建设第一责任人职责清单，建立法治镇街工作机制，严密法治监督体系建设，全面构建年终述法、法治评价、法治巡察、责任约谈闭环法治监督体系。挖掘省级县乡法治政府建设“最佳实践”、省厅“揭榜挂帅”清单的入选，争创一批有辨识度和社会影响力的法治建设标志性成果。聚焦庄市高等院校、植物园等点位，健全覆盖本区人群密集区、重点产业集聚区的基层法治实践站，完善站点内部管理和站点间协作联动制度，深化法治理念在基层的普及与实践，切实增强群众法治获得感。',
    '二是全面打造市域法治标杆。推动省厅重大行政决策揭榜挂帅项目标志性成果的落地实施，为重大工程项目等提供高效法律服务。探索推进依法治镇街工作常态化，抓好镇街合法性审查中心试点，提升基层依法治理质效。开展法审员年度履职考核评价，对于履职不到位的，及时予以提醒或者建议有关部门进行调整。依托绿色石化产业合规中心，开展石化企业预防合规法律宣传、需求反馈、服务咨询、风险指导，持续做优“一个企业”到“一个产业”的法治增值服务。聚焦群众反映强烈的不作为乱作的执法行为开展专项整治和监督行动，探索涉企“预约式”指导服务工作，持续优化法治化营商环境。',
    '三是持续铸就司法为民典范。全面深化“15分钟公共法律服务圈”建设，加大困难人群法治保障力度，优化提升特殊群体法律服务内容和形式。推进涉外法律服务工作，依托宁波国际法律服务中心镇海分中心及相关资源力量，加强涉外法律人才培养。强化部门联动，面向涉外重点行业、特色领域推广涉外法律服务，编制频繁贸易国重点核心产品合规指引，为企业“走出去”提供集成式涉外法律服务。打好“八五”普法“收官战”，深入推行常态化、精准化、品牌化普法，盘活“法律明白人”、新时代法治实践中心等平台资源，探索“普法+乡土”“普法+文化”“普法+新媒体”的特色法治旅游路线，综合提升普法宣传质效。',
    '四是切实筑牢平安镇海基石。持续完善大调解矛盾纠纷化解机制，着力推行“调解+行政复议”，协同法院推进诉前调解前置改革工作，探索调解团队和法院审判团队结对，打造全区构建社会矛盾纠纷预防化解法治化工作格局。推进商事调解工作，健全完善商事调解运行机制，加强与法院联动配合，引导区内各类商事调解组织发挥各自专业优势，形成商事调解矩阵。结合《深化司法行政刑罚执行一体化改革工作方案》要求，体系化衔接社区矫正、安置帮教工作，加强对社区矫正裁量基准推广应用和总结提炼。探索安置帮教基地企业奖励制度，全力做好重点人员管控、矛盾纠纷排查、信访化解工作。',
    '五是法治队伍“蓄能前行”，奋力谱写创新实干新篇。加强畅通法治人才选拔培养任用通道，不断扩充人民调解员、法治审查员、行政复议员等法治人才储备力量。探索公职律师跨部门统筹协调共享机制，进一步扩充公职律师人才库，按照选优培育、对口帮扶原则，优化全区公职律师资源配置。加强涉外法治人才招引培养，探索引进具有双语基础和国际法律服务阅历的涉外律师人才。',
  ].map(
    (template, i): SkeletonBlock => ({
      part: 'plan',
      position: (i + 1) * 10,
      kind: 'narrative',
      newParagraph: true,
      template,
    }),
  ),
];
