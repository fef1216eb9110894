/**
 * Deliberately wrong classes, laid out as the real rings, that break each architecture rule
 * once, so that {@code ArchitectureRulesCanFailTest} proves the rules can fail. Never used
 * elsewhere.
 */
package dev.transfers.archfixture;
