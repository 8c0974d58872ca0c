export {
  IdleBanner,
  IdleBannerCountdown,
  IdleBannerDescription,
  IdleBannerEndButton,
  IdleBannerRoot,
  IdleBannerStillHereButton,
  IdleBannerTitle,
} from './IdleBanner.tsx';
export type {
  IdleBannerButtonProps,
  IdleBannerCountdownProps,
  IdleBannerProps,
  IdleBannerRootProps,
  IdleBannerTextProps,
} from './IdleBanner.tsx';
export { defaultIdleBannerLabels, useIdleBanner } from './useIdleBanner.ts';
export type {
  IdleBannerCountdownState,
  IdleBannerLabels,
  IdleBannerState,
  UseIdleBannerOptions,
  UseIdleBannerResult,
} from './useIdleBanner.ts';
