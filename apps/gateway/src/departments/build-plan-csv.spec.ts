import { parseBuildPlanCsv } from './build-plan-csv';

describe('parseBuildPlanCsv', () => {
  it('reads rows by the header, numbers as numbers, empty cells left out', () => {
    const csv = 'list,target,targetId,region,plannedYear,plannedQuarter,note\nbuild-plan,cell,HZ-C-1,hangzhou,2027,2,\nno-investment,zone,chunan-11,hangzhou,,,reservoir\n';
    expect(parseBuildPlanCsv(csv)).toEqual({
      rows: [
        { list: 'build-plan', target: 'cell', targetId: 'HZ-C-1', region: 'hangzhou', plannedYear: 2027, plannedQuarter: 2 },
        { list: 'no-investment', target: 'zone', targetId: 'chunan-11', region: 'hangzhou', note: 'reservoir' },
      ],
      problems: [],
    });
  });

  it('names a missing required column and an unknown one', () => {
    const { problems } = parseBuildPlanCsv('list,target,region,colour\n');
    expect(problems).toEqual([
      { line: 1, message: 'the header has no "targetId" column' },
      { line: 1, message: 'unknown column "colour" (known: list, target, targetId, region, siteId, plannedYear, plannedQuarter, note)' },
    ]);
  });

  it('names the line whose cell count does not match the header', () => {
    const { problems, rows } = parseBuildPlanCsv('list,target,targetId,region\r\nbuild-plan,cell,HZ-C-1\r\nno-investment,zone,z,hz\r\n');
    expect(problems).toEqual([{ line: 2, message: '3 cells, the header has 4' }]);
    expect(rows).toHaveLength(1);
  });
});
