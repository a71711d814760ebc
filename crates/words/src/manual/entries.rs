//! The manual's entry for every parameter and every output figure: what the number means in
//! the model, in Chinese and English (the manual's Markdown: [links](#topic), and the names of
//! settings and figures as `{{label:KEY}}`, `{{param:KEY}}`, from the screen's labels). The
//! entries are laid out with what the registries say of each (kind, unit, group, target
//! direction) by `assemble`; tests check that every parameter of `params::PARAMS` and every
//! figure of `Metric::ALL` has an entry, and that every entry names one that exists.

/// Parameter entries: (key, Chinese, English).
pub const PARAM_ENTRIES: &[(&str, &str, &str)] = &[
    (
        "talent",
        "基准年年末的社会工作人才总量，即年表第一行的人数。模型从这里开始逐年推算（见[人才总量](#model-talent)）。预设中的数字出自来源文件，例如云南省“十三五”末为8.45万人（来源004）。",
        "Social-work talent at the end of the base year: the first row of the year table, where the model starts (see [Talent](#model-talent)). Presets take it from their sources, e.g. Yunnan's 84,500 at the end of the 13th five-year plan, 2020 (source 004).",
    ),
    (
        "attrition",
        "每年离开社会工作人才队伍的人数占年初人数的比例，在应用中写百分数（如8%）。8%的含义：年初的人才中每年约有8%离开（转行、退休、离开本地），当年新增的人才当年不计流失；持证社工按同一比例流失。它乘在年初存量上，所以存量越大，每年流失的人越多（见[人才总量](#model-talent)）。这是对地区的估计，不是政策杠杆；来源文件未给出任何地区的流失率，预设中的数值均为标明的假设。",
        "The share of the talent at the start of a year that leaves during it, entered as a percentage (8 %). 8 % means that about 8 in every 100 people counted at the start of a year are gone by its end (another job, retirement, another place); the year's new talent is not exposed to attrition in its first year, and certificate holders leave at the same rate. It multiplies the stock, so the larger the stock, the more leave each year (see [Talent](#model-talent)). It is an estimate about the region, not a policy lever; no source gives a rate for any region, so every preset's value is a stated assumption.",
    ),
    (
        "hires",
        "每年加入社会工作人才队伍的人数：招聘、高校毕业生和现有人员转化（转化）之和。可以逐年设置（见[逐年安排](#schedules)）。新增人才当年不计流失（见[人才总量](#model-talent)）；它不直接增加持证人数，但为考证提供了未持证的人（见[持证阶梯](#model-certified)）。",
        "People who join the social-work talent each year: hiring, graduates and conversion of existing staff (转化) together. It can differ by year (see [Per-year schedules](#schedules)). New talent is not exposed to attrition in its first year (see [Talent](#model-talent)); it does not add certificate holders by itself, but gives the uncertified people who can take the exams (see [the certification ladder](#model-certified)).",
    ),
    (
        "certified_junior",
        "基准年年末持助理社会工作师（初级）证书的人数。可以改为填写持证总数，由分级比例推出三个级别（见[建立自己的地区](#own-region)）。",
        "Holders of the junior certificate (助理社会工作师) at the end of the base year. The planner may enter the certified total instead and let the split give the three levels (see [Build your own region](#own-region)).",
    ),
    (
        "certified_mid",
        "基准年年末持社会工作师（中级）证书的人数。",
        "Holders of the mid-level certificate (社会工作师) at the end of the base year.",
    ),
    (
        "certified_senior",
        "基准年年末持高级社会工作师证书的人数。高级须考试合格后再经评审，人数很少。",
        "Holders of the senior certificate (高级社会工作师) at the end of the base year. The senior level takes an exam and then a review, and holders are few.",
    ),
    (
        "mid_from_junior",
        "中级考试通过者中，此前已持初级证书的比例 φ。这部分人是从初级升到中级（初级减少、中级增加，持证总数不变），其余是新持证的人（持证总数增加）。见[持证阶梯](#model-certified)。",
        "The share φ of those who pass the mid-level exam who already hold the junior certificate. They move up the ladder (junior down, mid-level up, the total unchanged); the rest are new certificate holders (the total rises). See [the certification ladder](#model-certified).",
    ),
    (
        "candidates_junior",
        "每年报考助理社会工作师（初级）的人数。当年新增初级持证 = 报考人数 × 通过率，且不超过未持证的人才（见[持证阶梯](#model-certified)）。",
        "People who sit the junior exam each year. New junior holders of the year = candidates × pass rate, never more than the uncertified talent (see [the certification ladder](#model-certified)).",
    ),
    (
        "pass_junior",
        "初级考试的通过率（百分数）。来源文件未给出任何地区的通过率，预设中的数值均为标明的假设，请按本省公布的数据修改。",
        "The junior exam's pass rate (a percentage). No source gives a pass rate for any region: every preset's value is a stated assumption, to be replaced by the province's published rate.",
    ),
    (
        "candidates_mid",
        "每年报考社会工作师（中级）的人数。通过者中比例 φ 来自初级持证者（晋级），其余为新持证者。",
        "People who sit the mid-level exam each year. A share φ of those who pass come from the junior holders (a move up); the rest are new holders.",
    ),
    (
        "pass_mid",
        "中级考试的通过率（百分数）。",
        "The mid-level exam's pass rate (a percentage).",
    ),
    (
        "candidates_senior",
        "每年参加高级社会工作师考试与评审的人数。只有社会工作师（中级）可以报考，所以每个通过者都是一次晋级，通过人数不超过中级持证人数；超过时模型按中级人数截断并给出提示（见[持证阶梯](#model-certified)）。",
        "People who take the senior exam and review each year. Only mid-level holders may, so every pass is a promotion, and passes never exceed the mid-level holders; when they would, the model cuts them to fit and says so (see [the certification ladder](#model-certified)).",
    ),
    (
        "pass_senior",
        "高级考试与评审合在一起的通过率（百分数）。",
        "The pass rate of the senior exam and review together (a percentage).",
    ),
    (
        "townships",
        "地区内乡镇（街道）的总数：社工站的上限，也是社工站覆盖率的分母（见[覆盖率](#model-coverage)）。来源文件大多未给出这个数，预设中注明了采用的数字及其依据。",
        "The number of townships and streets in the region: the ceiling of stations and the denominator of station coverage (see [Coverage](#model-coverage)). Most sources do not give it; each preset says which number it uses and why.",
    ),
    (
        "stations",
        "基准年年末已建成的乡镇（街道）社会工作服务站数。不能多于乡镇（街道）数。",
        "Township (street) social-work stations built by the end of the base year. Never more than the townships.",
    ),
    (
        "stations_per_year",
        "每年计划新建的社工站数。按模型现在的口径，计划中只有“{{label:station_completion}}”那一部分当年建成，其余顺延一年；建满乡镇（街道）数后不再增加（见[社工站与示范站](#model-stations)）。",
        "Stations scheduled to be built each year. In the model's current reading only the share “{{label:station_completion}}” is built that year, the rest a year later; once every township has one, no more are added (see [Stations](#model-stations)).",
    ),
    (
        "demo_stations",
        "基准年年末的示范站数，是已建社工站中的一部分。",
        "Demonstration stations at the end of the base year, among the stations built.",
    ),
    (
        "demo_per_year",
        "每年新评定的示范站数。示范站从已建社工站中评定，总数不超过社工站数。",
        "Stations made demonstration stations each year. They are chosen among the stations built, and never outnumber them.",
    ),
    (
        "villages",
        "地区内村（社区）的总数：社工室的上限，也是社工室覆盖率的分母。来源文件大多未给出这个数，预设中的数字为标明的假设，请按民政统计修改。",
        "The number of villages and communities: the ceiling of rooms and the denominator of room coverage. Most sources do not give it; presets state theirs as an assumption, to be replaced by the official count.",
    ),
    (
        "rooms",
        "基准年年末已建成的村（社区）社会工作服务室数。不能多于村（社区）数。",
        "Village and community social-work rooms set up by the end of the base year. Never more than the villages.",
    ),
    (
        "rooms_per_year",
        "每年计划新建的社工室数。与社工站一样，计划中只有“{{label:room_completion}}”那一部分当年建成，其余顺延一年；所以“计划建1000个”不等于“到期建成1000个”（见[社工室](#model-rooms)与[常见问题](#questions)）。",
        "Rooms scheduled to be set up each year. As with stations, only the share “{{label:room_completion}}” is built that year, the rest a year later; so 1,000 scheduled is not 1,000 built by the deadline (see [Rooms](#model-rooms) and [Questions](#questions)).",
    ),
    (
        "staff_per_station",
        "每个社工站需要的驻站社工人数 kₛ。只用来计算“{{figure-label:staff_needed}}”并在人才不足时提示，不限制建设（见[机构、岗位与所需社工](#model-positions)）。",
        "Resident social workers each station needs, kₛ. It only gives “{{figure-label:staff_needed}}” and a warning when talent falls short; it does not hold back building (see [Institutions, positions and staff](#model-positions)).",
    ),
    (
        "staff_per_room",
        "每个社工室需要的社工人数 kᵣ，用法同上。",
        "Social workers each room needs, kᵣ; used as above.",
    ),
    (
        "institutions",
        "基准年年末的社会工作服务机构数。",
        "Social-work service institutions at the end of the base year.",
    ),
    (
        "institutions_per_year",
        "每年净增的社会工作服务机构数（新设减去注销）。机构数逐年相加，与人才数没有联系（见[模型不包括什么](#model-limits)）。",
        "Net new service institutions each year (opened minus closed). They add up year by year and are not tied to talent (see [Limits](#model-limits)).",
    ),
    (
        "positions",
        "基准年年末的社会工作专业岗位数。",
        "Professional social-work positions at the end of the base year.",
    ),
    (
        "positions_per_year",
        "每年新开发的社会工作专业岗位数，逐年相加。",
        "New professional positions each year, added up year by year.",
    ),
    (
        "station_cost",
        "建成一个社工站的一次性费用（元），计入建成当年的预算（见[预算](#model-budget)）。",
        "The one-off cost of building a station (yuan), counted in the year it is finished (see [Budget](#model-budget)).",
    ),
    (
        "station_operating_cost",
        "每个社工站每年的运营经费（元），例如政府购买服务；按当年年末已建成的站数计。",
        "A station's yearly running cost (yuan), e.g. purchased services (政府购买服务); counted on the stations standing at the end of the year.",
    ),
    (
        "room_cost",
        "建成一个社工室的一次性费用（元）。",
        "The one-off cost of setting up a room (yuan).",
    ),
    (
        "room_operating_cost",
        "每个社工室每年的运营经费（元），按当年年末已建成的室数计。",
        "A room's yearly running cost (yuan), counted on the rooms standing at the end of the year.",
    ),
    (
        "subsidy_junior",
        "每新增一名初级持证者发放的一次性奖补（元）。只计新持证的人，不计已持证者。",
        "A one-off subsidy (yuan) for each new junior certificate holder; existing holders are not counted.",
    ),
    (
        "subsidy_mid",
        "每新增一名中级持证者发放的一次性奖补（元），包括从初级晋级的人。宁夏对取得社会工作师证书者一次性奖励3000元（来源002）。",
        "A one-off subsidy (yuan) for each new mid-level holder, those moving up from junior included. Ningxia rewards a new mid-level certificate with 3,000 yuan once (source 002).",
    ),
    (
        "subsidy_senior",
        "每新增一名高级持证者发放的一次性奖补（元）。宁夏对取得高级社会工作师证书者一次性奖励6000元（来源002）。",
        "A one-off subsidy (yuan) for each new senior holder. Ningxia rewards a new senior certificate with 6,000 yuan once (source 002).",
    ),
    (
        "spread_hires",
        "蒙特卡洛模拟中每年新增人才的相对波动 s：每年在计划值的 (1 − s) 到 (1 + s) 倍之间均匀抽取。0 表示没有波动（见[蒙特卡洛模拟](#model-montecarlo)）。",
        "How much yearly new talent varies in the Monte Carlo, s: each year a value is drawn uniformly between (1 − s) and (1 + s) times the plan. 0 means no variation (see [Monte Carlo](#model-montecarlo)).",
    ),
    (
        "spread_attrition",
        "流失率的相对波动：例如8%的流失率、波动25%，每年在6%到10%之间抽取。",
        "How much attrition varies: at 8 % with a spread of 25 %, each year draws a rate between 6 % and 10 %.",
    ),
    (
        "spread_candidates",
        "三个级别报考人数的相对波动，每个级别每年分别抽取。",
        "How much exam candidates vary, drawn separately for each level each year.",
    ),
    (
        "spread_pass",
        "三个级别通过率的相对波动，每个级别每年分别抽取，抽到的通过率不超过100%。",
        "How much pass rates vary, drawn separately for each level each year, never above 100 %.",
    ),
    (
        "station_completion",
        "计划新建的社工站平均有多大比例在当年建成 qₛ，其余在下一年建成。计划线按这个平均比例计算（模型现在的口径）；蒙特卡洛模拟每年在以它为均值的区间内抽取（见[社工站与示范站](#model-stations)）。",
        "The average share qₛ of a year's scheduled stations finished within that year; the rest are finished the next year. The plan line uses this average (the model's current reading); the Monte Carlo draws it each year around that mean (see [Stations](#model-stations)).",
    ),
    (
        "room_completion",
        "计划新建的社工室平均当年建成的比例 qᵣ，用法同上。",
        "The average share qᵣ of a year's scheduled rooms finished within that year; used as above.",
    ),
    (
        "hire_cost",
        "招聘并培训一名新增社工的费用（元/人）。只用于[最省钱方案](#cheapest)，不计入模型的预算，不改变任何数字。预设中的数值为标明的假设及其依据，请按本地数据修改。",
        "Recruiting and training one new social worker (yuan each). Used only by [the cheapest plan](#cheapest); it is not in the model's budget and changes no figure. Presets state their value as an assumption with its reasoning; replace it with local data.",
    ),
    (
        "candidate_cost",
        "一名报考者的考前培训费用（元/人），任何级别相同。只用于[最省钱方案](#cheapest)，不计入模型的预算。",
        "Preparing one exam candidate, at any level (yuan each). Used only by [the cheapest plan](#cheapest); it is not in the model's budget.",
    ),
];

/// Entries of parameters that branches not merged yet add to the registry (the optimiser's
/// costs, issue 22): the manual lays them out as soon as the registry has them, and the test
/// that every entry names a parameter accepts them until then.
pub const AWAITING_PARAMS: &[(&str, &str, &str)] = &[];

/// Figure entries: (key, Chinese, English).
pub const FIGURE_ENTRIES: &[(&str, &str, &str)] = &[
    (
        "talent",
        "年末的社会工作人才总量 T(y)（见[人才总量](#model-talent)）。",
        "Social-work talent at the end of the year, T(y) (see [Talent](#model-talent)).",
    ),
    (
        "certified",
        "年末三个级别持证社工之和 C(y)，永远不超过人才总量（见[持证阶梯](#model-certified)）。",
        "Certificate holders of the three levels together at the end of the year, C(y); never above talent (see [the certification ladder](#model-certified)).",
    ),
    (
        "certified_junior",
        "年末持助理社会工作师（初级）证书、尚未升到中级的人数 J(y)。",
        "Junior holders at the end of the year who have not moved up, J(y).",
    ),
    (
        "certified_mid",
        "年末持社会工作师（中级）证书、尚未升到高级的人数 M(y)。",
        "Mid-level holders at the end of the year who have not moved up, M(y).",
    ),
    (
        "certified_senior",
        "年末持高级社会工作师证书的人数 S(y)。",
        "Senior holders at the end of the year, S(y).",
    ),
    (
        "institutions",
        "年末的社会工作服务机构数 I(y)。",
        "Service institutions at the end of the year, I(y).",
    ),
    (
        "stations",
        "年末已建成的乡镇（街道）社工站数 St(y)，不超过乡镇（街道）数（见[社工站与示范站](#model-stations)）。",
        "Township stations standing at the end of the year, St(y), never more than the townships (see [Stations](#model-stations)).",
    ),
    (
        "demo_stations",
        "年末的示范站数 D(y)，不超过社工站数。",
        "Demonstration stations at the end of the year, D(y), never more than the stations.",
    ),
    (
        "rooms",
        "年末已建成的村（社区）社工室数 R(y)，不超过村（社区）数（见[社工室](#model-rooms)）。",
        "Village and community rooms standing at the end of the year, R(y), never more than the villages (see [Rooms](#model-rooms)).",
    ),
    (
        "positions",
        "年末的社会工作专业岗位数 P(y)。",
        "Professional positions at the end of the year, P(y).",
    ),
    (
        "budget",
        "当年的支出 X(y)：建站、建室、站室运营和持证奖补（见[预算](#model-budget)）。不含人员工资与招聘费用。基准年为0。",
        "Spending of the year, X(y): building and running stations and rooms and certificate subsidies (see [Budget](#model-budget)); no wages and no recruitment. Zero in the base year.",
    ),
    (
        "budget_cumulative",
        "从基准年之后到当年年末的累计支出 ΣX(y)。可以作为上限目标（“累计不超过……”）。",
        "Spending from after the base year to the end of the year, ΣX(y). A target on it is a ceiling (\"at most …\").",
    ),
    (
        "station_coverage",
        "已建社工站数 ÷ {{label:townships}}（见[覆盖率](#model-coverage)）。在应用中目标写百分数，100% 即全覆盖。",
        "Stations ÷ {{label:townships}} (see [Coverage](#model-coverage)). In the app a target on it is a percentage; 100 % is full coverage.",
    ),
    (
        "room_coverage",
        "已建社工室数 ÷ {{label:villages}}。",
        "Rooms ÷ {{label:villages}}.",
    ),
    (
        "staff_needed",
        "W(y) = 社工站数 × {{label:staff_per_station}} + 社工室数 × {{label:staff_per_room}}。人才总量少于它时，模型提示“人才总量不足以配齐社工站（室）所需社工”；它不能作为目标。",
        "W(y) = stations × {{label:staff_per_station}} + rooms × {{label:staff_per_room}}. When talent is smaller, the model warns that stations and rooms are understaffed; it cannot be a target.",
    ),
];
