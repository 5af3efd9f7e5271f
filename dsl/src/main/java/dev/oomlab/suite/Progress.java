package dev.oomlab.suite;

/**
 * Where a suite is: which task, and how many run, are done, in all.
 *
 * @param index         the task's position in the batch (results come back in this order)
 * @param label         the task's name, e.g. the scenario's
 * @param running       tasks running now
 * @param done          tasks finished
 * @param total         tasks in the batch
 * @param reservedBytes memory the running tasks reserve from the budget
 * @param budgetBytes   the whole budget
 */
public record Progress(int index, String label, int running, int done, int total, long reservedBytes,
                       long budgetBytes) {
}
