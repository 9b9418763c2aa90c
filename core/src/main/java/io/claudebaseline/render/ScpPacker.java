package io.claudebaseline.render;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups statements into SCPs that fit the size limit, measured on the minified document AWS receives.
 *
 * <p>{@code combined}: first-fit decreasing over all statements, so the baseline uses as few attachment slots as
 * possible; SCPs are named {@code <prefix>-1}, {@code <prefix>-2}, … in order of the first statement they hold.
 * {@code per-control}: the same packing within each control, named {@code <prefix>-<control-id>} and, when a
 * control needs more than one SCP, {@code <prefix>-<control-id>-2}, …. Both are deterministic: the same
 * statements always give the same names and contents, which matters because names are the SCPs' identity
 * for plan and apply.
 */
final class ScpPacker {

    /** Statements too large to fit any SCP, even alone; with the size of a document holding only each. */
    record Oversize(PolicyStatement statement, int documentCharacters) {}

    /** One SCP's statements, in document order, and the minified document holding them. */
    private record Packed(List<PolicyStatement> statements, String content) {}

    /** The packed SCPs, or the statements that cannot fit. */
    record Result(List<ScpDocument> scps, List<Oversize> oversize) {}

    /**
     * Minified length of a document as the wrapper's characters plus its statements plus separators.
     *
     * @param wrapper   characters of a document besides its statements and their separators
     * @param separator characters between two statements (the comma)
     */
    record DocumentSize(int wrapper, int separator) {
        /** Measured on real renders of one and two copies of {@code statement}. */
        static DocumentSize measure(PolicyDocumentRenderer documents, PolicyStatement statement, int length) {
            int one = documents.content(List.of(statement)).length();
            int two = documents.content(List.of(statement, statement)).length();
            return new DocumentSize(one - length, two - one - length);
        }

        /** The length of a document holding {@code count} statements of {@code statementCharacters} in all. */
        int of(int statementCharacters, int count) {
            return wrapper + statementCharacters + separator * (count - 1);
        }
    }

    /**
     * A max segment tree over the SCPs' free characters: finds the first SCP with at least some free space in
     * O(log n). Slots not yet holding an SCP have no space at all.
     */
    static final class FreeSpace {
        private final int leaves;
        private final int[] tree;

        FreeSpace(int capacity) {
            int size = 1;
            while (size < Math.max(1, capacity)) size <<= 1;
            leaves = size;
            tree = new int[2 * size];
            Arrays.fill(tree, Integer.MIN_VALUE);
        }

        int get(int slot) {
            return tree[leaves + slot];
        }

        void set(int slot, int free) {
            int node = leaves + slot;
            tree[node] = free;
            for (node >>= 1; node >= 1; node >>= 1) {
                tree[node] = Math.max(tree[2 * node], tree[2 * node + 1]);
            }
        }

        /** The lowest slot with at least {@code needed} free, or -1. */
        int firstWithAtLeast(int needed) {
            if (tree[1] < needed) {
                return -1;
            }
            int node = 1;
            while (node < leaves) {
                node = tree[2 * node] >= needed ? 2 * node : 2 * node + 1;
            }
            return node - leaves;
        }
    }

    private final PolicyDocumentRenderer documents;
    private final int maxCharacters;

    ScpPacker(PolicyDocumentRenderer documents, int maxCharacters) {
        this.documents = documents;
        this.maxCharacters = maxCharacters;
    }

    Result pack(List<PolicyStatement> statements, BaselineConfig.Layout layout, String prefix) {
        List<ScpDocument> scps = new ArrayList<>();
        List<Oversize> oversize = new ArrayList<>();
        if (layout == BaselineConfig.Layout.PER_CONTROL) {
            Map<Control, List<PolicyStatement>> byControl = new LinkedHashMap<>();
            for (Control c : Control.values()) {
                for (PolicyStatement s : statements) {
                    if (s.control() == c) byControl.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
                }
            }
            byControl.forEach((control, group) -> {
                List<Packed> bins = firstFitDecreasing(group, oversize);
                for (int i = 0; i < bins.size(); i++) {
                    String name = prefix + "-" + control.id() + (i == 0 ? "" : "-" + (i + 1));
                    scps.add(scp(name, bins.get(i)));
                }
            });
        } else {
            List<Packed> bins = firstFitDecreasing(statements, oversize);
            for (int i = 0; i < bins.size(); i++) {
                scps.add(scp(prefix + "-" + (i + 1), bins.get(i)));
            }
        }
        return new Result(scps, oversize);
    }

    /**
     * Largest statements first, each into the first SCP it still fits; then each SCP's statements go back to
     * their original order and the SCPs are ordered by their first statement, so output reads in control order.
     *
     * <p>Sizes are computed, not rendered: a document's minified length is the wrapper's own characters plus
     * each statement's minified length plus one separator between statements ({@link DocumentSize}, measured
     * once on a real render). That makes a placement a lookup in a tree of the SCPs' free space, so packing
     * takes O(n log n). Every SCP is then rendered once and its length checked against the computed one; a
     * custom wrapper template that breaks the sum (one that repeats the statements elsewhere, say) falls back
     * to sizing every candidate by rendering it, which gives the same packing the sum would if it held.
     */
    private List<Packed> firstFitDecreasing(List<PolicyStatement> statements, List<Oversize> oversize) {
        if (statements.isEmpty()) {
            return List.of();
        }
        int[] lengths = new int[statements.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = statements.get(i).minifiedLength();
        }
        Integer[] order = decreasing(lengths);
        DocumentSize size = DocumentSize.measure(documents, statements.get(order[0]), lengths[order[0]]);

        List<List<Integer>> bins = new ArrayList<>();
        List<Oversize> tooLarge = new ArrayList<>();
        FreeSpace free = new FreeSpace(lengths.length);
        for (int index : order) {
            int bin = free.firstWithAtLeast(lengths[index] + size.separator());
            if (bin >= 0) {
                bins.get(bin).add(index);
                free.set(bin, free.get(bin) - lengths[index] - size.separator());
                continue;
            }
            int alone = size.of(lengths[index], 1);
            if (alone > maxCharacters) {
                tooLarge.add(new Oversize(statements.get(index), alone));
            } else {
                List<Integer> fresh = new ArrayList<>();
                fresh.add(index);
                free.set(bins.size(), maxCharacters - alone);
                bins.add(fresh);
            }
        }
        List<List<PolicyStatement>> ordered = inDocumentOrder(statements, bins);
        List<Packed> packed = new ArrayList<>();
        for (int b = 0; b < ordered.size(); b++) {
            List<PolicyStatement> bin = ordered.get(b);
            String content = documents.content(bin);
            int computed = size.of(bins.get(b).stream().mapToInt(i -> lengths[i]).sum(), bin.size());
            if (content.length() != computed) {
                return firstFitDecreasingByRendering(statements, oversize);
            }
            packed.add(new Packed(bin, content));
        }
        oversize.addAll(tooLarge);
        return packed;
    }

    /** Statement indexes, largest first; equal sizes keep their original order. */
    private static Integer[] decreasing(int[] lengths) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -lengths[i]).thenComparingInt(i -> i));
        return order;
    }

    /** Each bin's statements in their original order; bins ordered by their first statement (both sorted in place). */
    private static List<List<PolicyStatement>> inDocumentOrder(List<PolicyStatement> statements, List<List<Integer>> bins) {
        bins.forEach(bin -> bin.sort(null));
        bins.sort(Comparator.comparingInt(b -> b.get(0)));
        List<List<PolicyStatement>> out = new ArrayList<>();
        for (List<Integer> bin : bins) {
            out.add(bin.stream().map(statements::get).toList());
        }
        return out;
    }

    /** The same first-fit decreasing, sizing each candidate by rendering it: quadratic, for non-additive wrappers. */
    private List<Packed> firstFitDecreasingByRendering(List<PolicyStatement> statements, List<Oversize> oversize) {
        int[] lengths = new int[statements.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = statements.get(i).minifiedLength();
        }
        List<List<Integer>> bins = new ArrayList<>();
        for (int index : decreasing(lengths)) {
            boolean placed = false;
            for (List<Integer> bin : bins) {
                List<Integer> candidate = new ArrayList<>(bin);
                candidate.add(index);
                candidate.sort(null);
                if (renderedSize(statements, candidate) <= maxCharacters) {
                    bin.add(index);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                int alone = renderedSize(statements, List.of(index));
                if (alone > maxCharacters) {
                    oversize.add(new Oversize(statements.get(index), alone));
                } else {
                    List<Integer> bin = new ArrayList<>();
                    bin.add(index);
                    bins.add(bin);
                }
            }
        }
        return inDocumentOrder(statements, bins).stream().map(bin -> new Packed(bin, documents.content(bin))).toList();
    }

    private int renderedSize(List<PolicyStatement> statements, List<Integer> indexes) {
        return documents.content(indexes.stream().map(statements::get).toList()).length();
    }

    private static ScpDocument scp(String name, Packed packed) {
        List<PolicyStatement> statements = packed.statements();
        List<Control> controls = statements.stream().map(PolicyStatement::control).distinct().sorted().toList();
        String description = "Claude Platform on AWS baseline (claude-baseline): "
                + String.join(", ", controls.stream().map(Control::id).toList());
        return new ScpDocument(name, description, controls, statements, packed.content());
    }
}
