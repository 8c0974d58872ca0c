export { ToolApproval } from './ToolApproval.tsx';
export type { ToolApprovalProps } from './ToolApproval.tsx';
export { useToolApproval } from './useToolApproval.ts';
export type { ToolApprovalDecision, UseToolApprovalOptions, UseToolApprovalResult } from './useToolApproval.ts';
export { defaultToolApprovalLabels } from './toolApprovalLabels.ts';
export type { ToolApprovalLabels, ToolApprovalState } from './toolApprovalLabels.ts';
export { formatToolArguments } from './formatToolArguments.ts';
export type { FormattedToolArguments } from './formatToolArguments.ts';
