import { describe, expect, it } from 'vitest';
import { kitClassName } from '../../../src/components/internal/kitClassName.ts';

describe('kitClassName', () => {
  it("puts the kit's class first and the user's after it", () => {
    expect(kitClassName(false, 'rrk-idle-banner', 'mine')).toBe('rrk-idle-banner mine');
    expect(kitClassName(false, 'rrk-idle-banner')).toBe('rrk-idle-banner');
    expect(kitClassName(false, 'rrk-idle-banner', '')).toBe('rrk-idle-banner');
  });

  it("keeps only the user's class when unstyled, and no attribute when there is none", () => {
    expect(kitClassName(true, 'rrk-idle-banner', 'mine')).toBe('mine');
    expect(kitClassName(true, 'rrk-idle-banner')).toBeUndefined();
    expect(kitClassName(true, 'rrk-idle-banner', '')).toBeUndefined();
  });
});
