export { MessageComposer } from './MessageComposer.tsx';
export type { MessageComposerProps } from './MessageComposer.tsx';
export { defaultMessageComposerLabels, useMessageComposer } from './useMessageComposer.ts';
export type {
  MessageComposerDisabledReason,
  MessageComposerFormProps,
  MessageComposerInputProps,
  MessageComposerLabels,
  MessageComposerState,
  UseMessageComposerOptions,
  UseMessageComposerResult,
} from './useMessageComposer.ts';
