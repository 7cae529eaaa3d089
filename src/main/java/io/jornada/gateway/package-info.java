/**
 * The Camunda 8 REST API v2 over the embedded engine: thin controllers that turn requests into
 * engine commands and engine answers (or rejections) into the responses the unmodified Camunda
 * client expects. Searches and single-resource reads answer from {@code history}, the read model
 * fed by the engine's events; {@link io.jornada.gateway.SearchSchema} is their one parser of
 * filters, sorting and paging. Wire shapes are the client's own model classes. Depends on {@code
 * engine} only.
 */
package io.jornada.gateway;
