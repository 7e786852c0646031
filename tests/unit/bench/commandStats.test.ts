import { parseCommandStats } from '../../../bench/lib/commandStats';

describe('parseCommandStats', () => {
  test('reads calls and microseconds of each command from INFO commandstats', () => {
    const info = [
      '# Commandstats',
      'cmdstat_evalsha:calls=20000,usec=301234,usec_per_call=15.06,rejected_calls=0,failed_calls=0',
      'cmdstat_hincrby:calls=150000,usec=98000,usec_per_call=0.65,rejected_calls=0,failed_calls=0',
      'cmdstat_client|setinfo:calls=2,usec=3,usec_per_call=1.50,rejected_calls=0,failed_calls=0',
      '',
    ].join('\r\n');
    expect(parseCommandStats(info)).toEqual({
      evalsha: { calls: 20000, usec: 301234 },
      hincrby: { calls: 150000, usec: 98000 },
      'client|setinfo': { calls: 2, usec: 3 },
    });
  });

  test('an empty section gives no commands', () => {
    expect(parseCommandStats('# Commandstats\r\n')).toEqual({});
  });
});
