package io.claudebaseline.render;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import java.util.ArrayList;
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

    /** The packed SCPs, or the statements that cannot fit. */
    record Result(List<ScpDocument> scps, List<Oversize> oversize) {}

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
                List<List<PolicyStatement>> bins = firstFitDecreasing(group, oversize);
                for (int i = 0; i < bins.size(); i++) {
                    String name = prefix + "-" + control.id() + (i == 0 ? "" : "-" + (i + 1));
                    scps.add(scp(name, bins.get(i)));
                }
            });
        } else {
            List<List<PolicyStatement>> bins = firstFitDecreasing(statements, oversize);
            for (int i = 0; i < bins.size(); i++) {
                scps.add(scp(prefix + "-" + (i + 1), bins.get(i)));
            }
        }
        return new Result(scps, oversize);
    }

    /**
     * Largest statements first, each into the first SCP it still fits; then each SCP's statements go back to
     * their original order and the SCPs are ordered by their first statement, so output reads in control order.
     */
    private List<List<PolicyStatement>> firstFitDecreasing(List<PolicyStatement> statements, List<Oversize> oversize) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> -statements.get(i).minifiedLength()).thenComparingInt(i -> i));

        List<List<Integer>> bins = new ArrayList<>();
        for (int index : order) {
            PolicyStatement s = statements.get(index);
            boolean placed = false;
            for (List<Integer> bin : bins) {
                List<Integer> candidate = new ArrayList<>(bin);
                candidate.add(index);
                candidate.sort(null);
                if (size(statements, candidate) <= maxCharacters) {
                    bin.add(index);
                    bin.sort(null);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                int alone = size(statements, List.of(index));
                if (alone > maxCharacters) {
                    oversize.add(new Oversize(s, alone));
                } else {
                    List<Integer> bin = new ArrayList<>();
                    bin.add(index);
                    bins.add(bin);
                }
            }
        }
        bins.sort(Comparator.comparingInt(b -> b.get(0)));
        List<List<PolicyStatement>> out = new ArrayList<>();
        for (List<Integer> bin : bins) {
            out.add(bin.stream().map(statements::get).toList());
        }
        return out;
    }

    private int size(List<PolicyStatement> statements, List<Integer> indexes) {
        return documents.content(indexes.stream().map(statements::get).toList()).length();
    }

    private ScpDocument scp(String name, List<PolicyStatement> statements) {
        List<Control> controls = statements.stream().map(PolicyStatement::control).distinct().sorted().toList();
        String description = "Claude Platform on AWS baseline (claude-baseline): "
                + String.join(", ", controls.stream().map(Control::id).toList());
        return new ScpDocument(name, description, controls, statements, documents.content(statements));
    }
}
