import { DEFAULT_PIECE_RATE_POLICY, PieceRateConfigError, PieceRatePay, validatePieceRatePolicy, type CompletedOrder, type PieceOrderType } from './piece-rate-pay';

let seq = 0;
/** `n` orders of one type and difficulty, completed one minute apart from `from`. */
const orders = (n: number, type: PieceOrderType, difficulty: string, from: string): CompletedOrder[] =>
  Array.from({ length: n }, (_, i) => ({ orderId: `O-${type}-${difficulty}-${++seq}`, type, difficulty, completedAt: new Date(Date.parse(from) + i * 60_000).toISOString() }));

/**
 * A month that fills the 140-hour base exactly (40 moves × 150 min + 20 installs × 120 min =
 * 8,400 min) and then does 10 normal repairs, 4 hard repairs and 5 complex installs above it.
 */
const month = [
  ...orders(40, 'move', 'normal', '2026-11-02T01:00:00Z'),
  ...orders(20, 'install', 'normal', '2026-11-10T01:00:00Z'),
  ...orders(10, 'repair', 'normal', '2026-11-20T01:00:00Z'),
  ...orders(4, 'repair', 'hard', '2026-11-25T01:00:00Z'),
  ...orders(5, 'install', 'complex', '2026-11-27T01:00:00Z'),
];

describe('piece-rate pay (source 002: post wage + piece wage + single bonuses and penalties)', () => {
  const pay = new PieceRatePay();

  it('pays only the orders above the 140-hour base, at unit price × difficulty coefficient, line by line', () => {
    const result = pay.pay({ postWageFen: 120_000, qualityGrade: 'excellent', orders: month, adjustments: [{ code: 'customer-chase', amountFen: -5_000 }] });
    expect(result.workedMinutes).toBe(8_400 + 10 * 90 + 4 * 90 + 5 * 120);
    expect(result.baseMinutesUsed).toBe(8_400);
    expect(result.lines.map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['pay:post-wage', 1, 120_000, 120_000],
      ['pay:base-workload', 60, 0, 0],
      ['piece:install:complex', 5, 4_800, 24_000], // 4,000 × 1.2
      ['piece:repair:hard', 4, 3_750, 15_000], // 2,500 × 1.5
      ['piece:repair:normal', 10, 2_500, 25_000],
      ['adjustment:customer-chase', 1, -5_000, -5_000],
    ]);
    expect(result.pieceWageFen).toBe(64_000);
    expect(result.totalFen).toBe(120_000 + 64_000 - 5_000);
  });

  it('pays more for the same workload at a better quality grade ("按质论价")', () => {
    const at = (qualityGrade: 'excellent' | 'qualified' | 'unqualified') => pay.pay({ postWageFen: 120_000, qualityGrade, orders: month }).totalFen;
    // qualified: 10 × 2,000 + 4 × 3,000 + 5 × 3,840; unqualified: 10 × 1,200 + 4 × 1,800 + 5 × 2,400
    expect([at('excellent'), at('qualified'), at('unqualified')]).toEqual([184_000, 171_200, 151_200]);
  });

  it('pays the base workload with the post wage alone', () => {
    const result = pay.pay({ postWageFen: 130_000, qualityGrade: 'excellent', orders: orders(93, 'repair', 'hard', '2026-11-02T01:00:00Z') });
    expect(result.pieceWageFen).toBe(0);
    expect(result.totalFen).toBe(130_000);
    expect(result.lines.find((l) => l.code === 'pay:base-workload')?.quantity).toBe(93);
  });

  it('counts the order that crosses the base for the share of its minutes above it', () => {
    // 93 repairs take 8,370 of the 8,400 minutes; the 94th has 30 minutes in the base and 60 above (⅔ of an order).
    const result = pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: orders(95, 'repair', 'normal', '2026-11-02T01:00:00Z') });
    expect(result.lines.find((l) => l.code === 'pay:base-workload')?.quantity).toBe(93.33);
    expect(result.lines.find((l) => l.code === 'piece:repair:normal')).toMatchObject({ quantity: 1.67, rate: 2_000, amount: 3_340 });
    expect(result.totalFen).toBe(3_340);
  });

  it('fills the base in completion order, whatever order the orders are given in', () => {
    const small = new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, baseMinutes: 180 });
    const hardLast = [
      { orderId: 'A', type: 'repair', difficulty: 'normal', completedAt: '2026-11-03T01:00:00Z' },
      { orderId: 'B', type: 'repair', difficulty: 'normal', completedAt: '2026-11-04T01:00:00Z' },
      { orderId: 'C', type: 'repair', difficulty: 'hard', completedAt: '2026-11-05T01:00:00Z' },
    ] as const;
    const hardFirst = hardLast.map((o) => (o.orderId === 'C' ? { ...o, completedAt: '2026-11-02T01:00:00Z' } : o));
    expect(small.pay({ postWageFen: 0, qualityGrade: 'excellent', orders: [...hardLast].reverse() }).pieceWageFen).toBe(3_750);
    expect(small.pay({ postWageFen: 0, qualityGrade: 'excellent', orders: hardFirst }).pieceWageFen).toBe(2_500);
  });

  it('counts a replayed completion once and refuses one order id with two different facts', () => {
    const once = orders(95, 'repair', 'normal', '2026-11-02T01:00:00Z');
    const twice = pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: [...once, ...once.slice(-5)] });
    expect(twice.pieceWageFen).toBe(3_340);
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: [...once, { ...once[0]!, difficulty: 'hard' }] })).toThrow(/listed twice/);
  });

  it('refuses an order of an unknown difficulty class or type', () => {
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: orders(1, 'repair', 'heroic', '2026-11-02T01:00:00Z') })).toThrow(/unknown difficulty heroic/);
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: orders(1, 'repair', 'constructor', '2026-11-02T01:00:00Z') })).toThrow(/unknown difficulty constructor/);
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: orders(1, 'complaint' as PieceOrderType, 'normal', '2026-11-02T01:00:00Z') })).toThrow(/no piece rate for type complaint/);
  });

  it('shows lines whose amount is quantity × rate, rounded to the fen', () => {
    const result = pay.pay({ postWageFen: 150_000, qualityGrade: 'unqualified', orders: [...month, ...orders(3, 'repair', 'complex', '2026-11-29T01:00:00Z')] });
    for (const l of result.lines) expect(l.amount).toBe(Math.round(l.quantity * l.rate));
    expect(result.totalFen).toBe(result.lines.reduce((s, l) => s + l.amount, 0));
  });
});

describe('piece-rate pay with the orders already in completion order (the month close, ADR 0026)', () => {
  const pay = new PieceRatePay();

  it('pays exactly as the same orders given with ids and times', () => {
    const byTime = pay.pay({ postWageFen: 120_000, qualityGrade: 'qualified', orders: month });
    const inOrder = pay.pay({ postWageFen: 120_000, qualityGrade: 'qualified', ordersInCompletionOrder: month.map(({ type, difficulty }) => ({ type, difficulty })) });
    expect(inOrder).toEqual(byTime);
  });

  it('takes the order given as the completion order: the order crossing the base is the one given there', () => {
    const small = new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, baseMinutes: 100 });
    const repairFirst = small.pay({ postWageFen: 0, qualityGrade: 'qualified', ordersInCompletionOrder: [{ type: 'repair', difficulty: 'normal' }, { type: 'install', difficulty: 'normal' }] });
    // 90 minutes of repair, then 10 of the install's 120 in the base: 110/120 of an install above it.
    expect(repairFirst.lines.filter((l) => l.code.startsWith('piece:')).map((l) => [l.code, l.quantity, l.amount])).toEqual([['piece:install:normal', 0.92, 2_944]]);
  });

  it('refuses both forms at once, an unknown type or difficulty', () => {
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', orders: month, ordersInCompletionOrder: [] })).toThrow(/not both/);
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', ordersInCompletionOrder: [{ type: 'complaint' as PieceOrderType, difficulty: 'normal' }] })).toThrow(/no piece rate for type complaint/);
    expect(() => pay.pay({ postWageFen: 0, qualityGrade: 'qualified', ordersInCompletionOrder: [{ type: 'repair', difficulty: 'extreme' }] })).toThrow(/unknown difficulty extreme/);
  });
});

describe('piece-rate configuration', () => {
  it('accepts the defaults', () => {
    expect(validatePieceRatePolicy(DEFAULT_PIECE_RATE_POLICY)).toBe(DEFAULT_PIECE_RATE_POLICY);
  });

  it.each([
    ['a better grade that does not pay more', { unitPriceFen: { ...DEFAULT_PIECE_RATE_POLICY.unitPriceFen, repair: { excellent: 2000, qualified: 2000, unqualified: 1200 } } }, /better quality grade must pay more: repair excellent 2000 ≤ qualified 2000/],
    ['an order type without standard time', { standardMinutes: { ...DEFAULT_PIECE_RATE_POLICY.standardMinutes, move: 0 } }, /standard minutes of move/],
    ['a negative base', { baseMinutes: -60 }, /base workload/],
    ['a zero difficulty coefficient', { difficultyCoefficients: { normal: 1, hard: 0 } }, /difficulty coefficient of hard/],
    ['no difficulty class', { difficultyCoefficients: {} }, /at least one difficulty class/],
  ])('refuses %s', (_, patch, message) => {
    expect(() => new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, ...patch })).toThrow(PieceRateConfigError);
    expect(() => new PieceRatePay({ ...DEFAULT_PIECE_RATE_POLICY, ...patch })).toThrow(message);
  });
});
