/**
 * Users' taste models as a service: training from stored ratings, saving models with their
 * metrics, loading the newest one for predictions. Depends on {@code store}, {@code taste},
 * {@code features} and {@code fairuse}; chat adapters and schedulers call it.
 */
package dev.tastebot.training;
