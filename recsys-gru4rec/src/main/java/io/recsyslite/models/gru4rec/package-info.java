/**
 * GRU4Rec session recommendations (Hidasi et al. 2016, Hidasi and Karatzoglou 2018), algorithm
 * {@code "gru4rec"}: {@link Gru4RecProvider}. Training runs one GRU layer as a SameDiff graph
 * (nd4j's native CPU backend, linux-x86_64) over session-parallel mini-batches, with BPR-max or
 * cross-entropy loss against in-batch and popularity-sampled negatives; sessions are users' events
 * split at pauses longer than {@code session_gap_minutes}. nd4j's native threads follow
 * {@code OMP_NUM_THREADS}, not {@code TrainingContext.threads()}. Inference is plain Java over the
 * extracted weights: the model (package-private, used through the core {@code Recommender} API)
 * is immutable and thread-safe and holds no native state; it has no fold-in.
 */
package io.recsyslite.models.gru4rec;
