/**
 * The Camunda 8 REST API v2 over the embedded engine: thin controllers that turn requests into
 * engine commands and engine answers (or rejections) into the responses the unmodified Camunda
 * client expects. Wire shapes are the client's own model classes. Depends on {@code engine} only.
 */
package io.jornada.gateway;
