import { describe, expectTypeOf, it } from 'vitest';
import { VoiceSessionView } from '../../../src/index.ts';
import type { AudioVisualizerProps, VoiceSessionViewArea, VoiceSessionViewPart, VoiceSessionViewProps } from '../../../src/index.ts';

describe('VoiceSessionView types', () => {
  it('takes false, an element, or the default part’s props for each part', () => {
    expectTypeOf<VoiceSessionViewProps['visualizer']>().toEqualTypeOf<VoiceSessionViewPart<AudioVisualizerProps> | undefined>();
    <VoiceSessionView visualizer={false} composer={<form />} controls={{ showMute: false }} microphone />;
    <VoiceSessionView visualizer={{ look: 'bars', bands: 7 }} transcript={{ showIdleMarkers: false }} />;
    // @ts-expect-error: not a look of the visualizer
    <VoiceSessionView visualizer={{ look: 'triangle' }} />;
    // @ts-expect-error: a prop of another part
    <VoiceSessionView composer={{ look: 'orb' }} />;
    // @ts-expect-error: a string is not a part
    <VoiceSessionView banner="Are you there?" />;
  });

  it('names its areas for classNames, and no others', () => {
    expectTypeOf<keyof NonNullable<VoiceSessionViewProps['classNames']>>().toEqualTypeOf<VoiceSessionViewArea>();
    <VoiceSessionView classNames={{ stage: 'a', transcript: 'b' }} />;
    // @ts-expect-error: not an area
    <VoiceSessionView classNames={{ sidebar: 'a' }} />;
    // @ts-expect-error: 1 to 6 only
    <VoiceSessionView title="T" headingLevel={7} />;
  });
});
