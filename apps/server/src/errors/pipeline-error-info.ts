// The pipeline's wire mapping for its own errors: the decoder's code lower-cased (`timeout`
// retryable), scorer_unavailable (retryable), scorer_rejected; anything else is internal.
export { errorInfo as pipelineErrorInfo } from '@imajin/pipeline';
