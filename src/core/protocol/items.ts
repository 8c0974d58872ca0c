import * as z from 'zod/mini';
import { nullishString, number, optionalBoolean, optionalString, string } from './fields.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

/**
 * Text the user typed (or a system message), as sent in `conversation.item.create`.
 *
 * @example
 * ```ts
 * const part: InputTextPart = { type: 'input_text', text: 'Hello!' };
 * ```
 */
export const inputTextPartSchema = z.looseObject({
  type: z.literal('input_text'),
  text: nullishString,
});
/** What {@link inputTextPartSchema} accepts and returns (see its example). */
export type InputTextPart = z.output<typeof inputTextPartSchema>;

/**
 * User audio. The server sets `transcript` to null until (and unless) transcription runs,
 * so a silent item committed by the idle timeout keeps `transcript: null`.
 *
 * @example
 * ```ts
 * const part: InputAudioPart = { type: 'input_audio', transcript: null };
 * ```
 */
export const inputAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  // Base64 audio: only "is a string", never decoded here (it can be megabytes).
  audio: nullishString,
  transcript: nullishString,
});
/** What {@link inputAudioPartSchema} accepts and returns (see its example). */
export type InputAudioPart = z.output<typeof inputAudioPartSchema>;

/**
 * An image the user sent.
 *
 * @example
 * ```ts
 * const part: InputImagePart = { type: 'input_image', image_url: 'data:image/png;base64,...', detail: 'auto' };
 * ```
 */
export const inputImagePartSchema = z.looseObject({
  type: z.literal('input_image'),
  image_url: nullishString,
  detail: nullishString,
});
/** What {@link inputImagePartSchema} accepts and returns (see its example). */
export type InputImagePart = z.output<typeof inputImagePartSchema>;

/**
 * Assistant text (GA name; beta servers say `text`, normalized before validation).
 *
 * @example
 * ```ts
 * const part: OutputTextPart = { type: 'output_text', text: 'Hi there.' };
 * ```
 */
export const outputTextPartSchema = z.looseObject({
  type: z.literal('output_text'),
  text: nullishString,
});
/** What {@link outputTextPartSchema} accepts and returns (see its example). */
export type OutputTextPart = z.output<typeof outputTextPartSchema>;

/**
 * Assistant audio with its transcript (GA name; beta servers say `audio`).
 *
 * @example
 * ```ts
 * const part: OutputAudioPart = { type: 'output_audio', transcript: 'Are you still there?' };
 * ```
 */
export const outputAudioPartSchema = z.looseObject({
  type: z.literal('output_audio'),
  audio: nullishString,
  transcript: nullishString,
});
/** What {@link outputAudioPartSchema} accepts and returns (see its example). */
export type OutputAudioPart = z.output<typeof outputAudioPartSchema>;

/**
 * One content part of a message item, discriminated on `type`.
 *
 * @example
 * ```ts
 * const parsed = contentPartSchema.parse({ type: 'output_text', text: 'Hi' });
 * if (parsed.type === 'output_text') console.log(parsed.text);
 * ```
 */
export const contentPartSchema = z.discriminatedUnion('type', [
  inputTextPartSchema,
  inputAudioPartSchema,
  inputImagePartSchema,
  outputTextPartSchema,
  outputAudioPartSchema,
]);
/** What {@link contentPartSchema} accepts and returns (see its example). */
export type ContentPart = z.output<typeof contentPartSchema>;
/** The `type` names of {@link ContentPart}. */
export type ContentPartType = ContentPart['type'];

/**
 * Fields every conversation item may carry. Like every field the official types mark optional,
 * each may be null on the wire (the official Python types read it as "not set"): `nullish`.
 */
const itemBase = {
  id: nullishString,
  object: nullishString,
  /** `in_progress`, `completed` or `incomplete` (an interrupted assistant message). */
  status: z.nullish(z.literal(['in_progress', 'completed', 'incomplete'])),
};

/**
 * A message from the user, the assistant or the system.
 *
 * @example
 * ```ts
 * const item: MessageItem = {
 *   id: 'item_1', type: 'message', role: 'user', status: 'completed',
 *   content: [{ type: 'input_audio', transcript: null }],
 * };
 * ```
 */
export const messageItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('message'),
  role: z.literal(['user', 'assistant', 'system']),
  content: z.array(contentPartSchema),
});
/** What {@link messageItemSchema} accepts and returns (see its example). */
export type MessageItem = z.output<typeof messageItemSchema>;

/**
 * A tool call the model made. `arguments` is a JSON string, possibly partial while streaming.
 *
 * @example
 * ```ts
 * const item: FunctionCallItem = { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' };
 * ```
 */
export const functionCallItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('function_call'),
  call_id: nullishString,
  name: string,
  arguments: string,
});
/** What {@link functionCallItemSchema} accepts and returns (see its example). */
export type FunctionCallItem = z.output<typeof functionCallItemSchema>;

/**
 * The result of a tool call, sent back by the client.
 *
 * @example
 * ```ts
 * const item: FunctionCallOutputItem = { type: 'function_call_output', call_id: 'call_1', output: '{"temp":21}' };
 * ```
 */
export const functionCallOutputItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('function_call_output'),
  call_id: string,
  output: string,
});
/** What {@link functionCallOutputItemSchema} accepts and returns (see its example). */
export type FunctionCallOutputItem = z.output<typeof functionCallOutputItemSchema>;

// MCP items are typed only as far as a UI would show them; the rest passes loosely.

/**
 * Why a remote MCP call failed: `protocol_error` and `http_error` (with a numeric `code`) or
 * `tool_execution_error`. `type` is a string, so a new kind of error still reads.
 *
 * @example
 * ```ts
 * const error: McpCallError = { type: 'http_error', code: 503, message: 'Service Unavailable' };
 * ```
 */
export const mcpCallErrorSchema = z.looseObject({
  type: string,
  code: z.nullish(z.union([number, string])),
  message: nullishString,
});
/** What {@link mcpCallErrorSchema} accepts and returns (see its example). */
export type McpCallError = z.output<typeof mcpCallErrorSchema>;

/**
 * A call to a remote MCP tool. It has no `status`: it runs until its `conversation.item.done`,
 * which carries its `output`, or its `error` when it failed.
 *
 * @example
 * ```ts
 * const item: McpCallItem = { id: 'mcp_1', type: 'mcp_call', server_label: 'docs', name: 'search', arguments: '{}' };
 * ```
 */
export const mcpCallItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('mcp_call'),
  server_label: optionalString,
  name: optionalString,
  arguments: optionalString,
  approval_request_id: nullishString,
  output: nullishString,
  error: z.nullish(mcpCallErrorSchema),
});
/** What {@link mcpCallItemSchema} accepts and returns (see its example). */
export type McpCallItem = z.output<typeof mcpCallItemSchema>;

/**
 * The tool list an MCP server returned.
 *
 * @example
 * ```ts
 * const item: McpListToolsItem = { id: 'mcpl_1', type: 'mcp_list_tools', server_label: 'docs', tools: [] };
 * ```
 */
export const mcpListToolsItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('mcp_list_tools'),
  server_label: optionalString,
  tools: z.optional(z.array(z.looseObject({ name: optionalString }))),
});
/** What {@link mcpListToolsItemSchema} accepts and returns (see its example). */
export type McpListToolsItem = z.output<typeof mcpListToolsItemSchema>;

/**
 * The model asks for approval before calling an MCP tool.
 *
 * @example
 * ```ts
 * const item: McpApprovalRequestItem = { id: 'mcpr_1', type: 'mcp_approval_request', server_label: 'docs', name: 'delete', arguments: '{}' };
 * ```
 */
export const mcpApprovalRequestItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('mcp_approval_request'),
  server_label: optionalString,
  name: optionalString,
  arguments: optionalString,
});
/** What {@link mcpApprovalRequestItemSchema} accepts and returns (see its example). */
export type McpApprovalRequestItem = z.output<typeof mcpApprovalRequestItemSchema>;

/**
 * The client's answer to an MCP approval request.
 *
 * @example
 * ```ts
 * const item: McpApprovalResponseItem = { type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true };
 * ```
 */
export const mcpApprovalResponseItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('mcp_approval_response'),
  approval_request_id: optionalString,
  approve: optionalBoolean,
  reason: nullishString,
});
/** What {@link mcpApprovalResponseItemSchema} accepts and returns (see its example). */
export type McpApprovalResponseItem = z.output<typeof mcpApprovalResponseItemSchema>;

/**
 * A reference to an existing item (client events only, for example `response.create` input).
 *
 * @example
 * ```ts
 * const item: ItemReferenceItem = { type: 'item_reference', id: 'item_1' };
 * ```
 */
export const itemReferenceItemSchema = z.looseObject({
  ...itemBase,
  type: z.literal('item_reference'),
});
/** What {@link itemReferenceItemSchema} accepts and returns (see its example). */
export type ItemReferenceItem = z.output<typeof itemReferenceItemSchema>;

/**
 * One conversation item, discriminated on `type` (and, for messages, `role`).
 *
 * @example
 * ```ts
 * const item = conversationItemSchema.parse(event.item);
 * if (item.type === 'message' && item.role === 'assistant') {
 *   const text = item.content.map((p) => (p.type === 'output_audio' ? p.transcript : '')).join('');
 * }
 * ```
 */
export const conversationItemSchema = z.discriminatedUnion('type', [
  messageItemSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  mcpCallItemSchema,
  mcpListToolsItemSchema,
  mcpApprovalRequestItemSchema,
  mcpApprovalResponseItemSchema,
  itemReferenceItemSchema,
]);
/** What {@link conversationItemSchema} accepts and returns (see its example). */
export type ConversationItem = z.output<typeof conversationItemSchema>;
/** The `type` names of {@link ConversationItem}. */
export type ConversationItemType = ConversationItem['type'];

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
