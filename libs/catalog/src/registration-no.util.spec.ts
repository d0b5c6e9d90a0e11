import { REGISTRATION_NO, registrationNoProblem } from './registration-no.util';

describe('technology contract registration number', () => {
  const today = '2026-12-02';

  it('accepts the national form: year, division code, serial', () => {
    expect(registrationNoProblem('2026420800000123', today)).toBeNull();
    expect(registrationNoProblem('2019110108003524', today)).toBeNull();
    expect(registrationNoProblem('2026420800000123', today, '2026-03-18')).toBeNull();
  });

  it('refuses other shapes, unknown provinces, a zero serial and impossible years', () => {
    for (const bad of ['登记号', '2026-4208-000123', '202642080000012', '20264208000001234', '2026990800000123', '2026420800000000'])
      expect(REGISTRATION_NO.test(bad)).toBe(false);
    expect(registrationNoProblem('1989420800000123', today)).toMatch(/早于 1990/);
    expect(registrationNoProblem('2027420800000123', today)).toMatch(/晚于今年/);
    expect(registrationNoProblem('2025420800000123', today, '2026-01-05')).toMatch(/与登记日期 2026-01-05 不一致/);
  });
});
