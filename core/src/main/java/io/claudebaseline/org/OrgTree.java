package io.claudebaseline.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organisation's structure as read from Organizations: one root, its OUs and accounts, each with its
 * parent. Read-only once built. Memory is linear in the number of accounts and OUs: each node keeps only its id,
 * name, status and parent id; paths are computed per OU on demand and cached.
 *
 * <p>A tree may be <em>partial</em> ({@link #complete()} false): {@code verify --account} reads only the one
 * account and its chain of parents, so the tree then holds that account and its ancestors, and OU names are
 * unknown (the OU id stands in).
 */
public final class OrgTree {

    /** Status of an account that is a working member (Organizations' {@code AccountStatus.ACTIVE}). */
    public static final String ACTIVE = "ACTIVE";

    /** An organisational unit. {@code parentId} is the root or another OU. */
    public record Ou(String id, String name, String parentId) {
        public Ou {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parentId, "parentId");
        }
    }

    /**
     * A member or the management account; {@code status} is Organizations' account status, e.g. {@code ACTIVE}.
     * {@code parentId} is null when the account was listed organisation-wide rather than under its parent: it then
     * sits under one of {@link #unlistedParents()}.
     */
    public record Account(String id, String name, String status, String parentId) {
        public Account {
            Objects.requireNonNull(id, "id");
        }

        public boolean placed() {
            return parentId != null;
        }

        public boolean isActive() {
            return status == null || ACTIVE.equals(status);
        }
    }

    private final String rootId;
    private final String managementAccountId;
    private final Map<String, Ou> ous;
    private final Map<String, Account> accounts;
    private final boolean complete;
    private final java.util.Set<String> unlistedParents;
    private final java.util.Set<String> unexploredParents;
    // Concurrent because member-audit threads may ask for paths while coverage is reported.
    private final Map<String, String> pathCache = new java.util.concurrent.ConcurrentHashMap<>();

    private OrgTree(Builder b) {
        this.rootId = b.rootId;
        this.managementAccountId = b.managementAccountId;
        this.ous = Collections.unmodifiableMap(b.ous);
        this.accounts = Collections.unmodifiableMap(b.accounts);
        this.complete = b.complete;
        this.unlistedParents = java.util.Set.copyOf(b.unlistedParents);
        this.unexploredParents = java.util.Set.copyOf(b.unexploredParents);
    }

    public static Builder builder(String rootId, String managementAccountId) {
        return new Builder(rootId, managementAccountId);
    }

    public String rootId() {
        return rootId;
    }

    /** The management account: SCPs never apply to it. May be null when Organizations did not say. */
    public String managementAccountId() {
        return managementAccountId;
    }

    /** True when the whole organisation was read; false for the one-account view of {@code verify --account}. */
    public boolean complete() {
        return complete;
    }

    /**
     * Root/OU ids whose accounts were not listed one parent at a time (the reader skips a group of parents that
     * inherit the same baseline SCPs, see {@link OrgTreeReader}); accounts beneath them have no {@code parentId}.
     * Empty when every account was placed.
     */
    public java.util.Set<String> unlistedParents() {
        return unlistedParents;
    }

    /**
     * Root/OU ids whose child OUs were not asked for, because they inherit every baseline SCP (so does everything
     * beneath them). Empty when the whole OU structure was read: only then is {@link #ous()} every OU there is.
     */
    public java.util.Set<String> unexploredParents() {
        return unexploredParents;
    }

    /** OUs in the order they were read (parents before children). */
    public Collection<Ou> ous() {
        return ous.values();
    }

    /** Accounts in the order they were read. */
    public Collection<Account> accounts() {
        return accounts.values();
    }

    public Ou ou(String id) {
        return ous.get(id);
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    public boolean isManagement(String accountId) {
        return accountId != null && accountId.equals(managementAccountId);
    }

    /**
     * Ids from the node's parent up to the root, nearest first. The root itself yields an empty list.
     *
     * @throws IllegalStateException when the chain is broken or cyclic (a reader bug, never user input)
     */
    public List<String> ancestors(String nodeId) {
        Account account = accounts.get(nodeId);
        if (account != null && !account.placed()) {
            return List.of(); // listed organisation-wide: its parents were not read
        }
        List<String> chain = new ArrayList<>();
        String parent = parentOf(nodeId);
        while (parent != null) {
            chain.add(parent);
            if (parent.equals(rootId)) {
                return chain;
            }
            if (chain.size() > ous.size() + 1) {
                throw new IllegalStateException("cycle in the organisation tree above " + nodeId);
            }
            parent = parentOf(parent);
        }
        if (nodeId.equals(rootId)) {
            return chain;
        }
        throw new IllegalStateException("no path from " + nodeId + " to the root " + rootId);
    }

    /** The parent of an OU or account, or null for the root and unknown ids. */
    public String parentOf(String nodeId) {
        Ou ou = ous.get(nodeId);
        if (ou != null) {
            return ou.parentId();
        }
        Account account = accounts.get(nodeId);
        return account == null ? null : account.parentId();
    }

    /** What {@link #path} says for an account whose parent was not read. */
    public static final String UNPLACED_PATH = "covered from above; OU not looked up";

    /**
     * Human-readable location of a root or OU, e.g. {@code Root/Workloads/Prod}; OU names, or ids when unknown;
     * {@link #UNPLACED_PATH} for null (an account listed organisation-wide).
     */
    public String path(String parentId) {
        if (parentId == null) {
            return UNPLACED_PATH;
        }
        if (parentId.equals(rootId)) {
            return "Root";
        }
        String cached = pathCache.get(parentId);
        if (cached != null) {
            return cached;
        }
        Ou ou = ous.get(parentId);
        String path = ou == null ? parentId : path(ou.parentId()) + "/" + (ou.name() == null ? ou.id() : ou.name());
        pathCache.put(parentId, path);
        return path;
    }

    /** Builds a tree; the reader adds nodes as Organizations returns them. */
    public static final class Builder {
        private final String rootId;
        private final String managementAccountId;
        private final Map<String, Ou> ous = new LinkedHashMap<>();
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private boolean complete = true;
        private final java.util.Set<String> unlistedParents = new java.util.LinkedHashSet<>();
        private final java.util.Set<String> unexploredParents = new java.util.LinkedHashSet<>();

        private Builder(String rootId, String managementAccountId) {
            this.rootId = Objects.requireNonNull(rootId, "rootId");
            this.managementAccountId = managementAccountId;
        }

        public Builder ou(String id, String name, String parentId) {
            ous.put(id, new Ou(id, name, parentId));
            return this;
        }

        public Builder account(String id, String name, String status, String parentId) {
            accounts.put(id, new Account(id, name, status, parentId));
            return this;
        }

        /** Copies the root's and OUs' structure of {@code structure} (ids, names, parents, unexplored parents). */
        public Builder ousOf(OrgTree structure) {
            structure.ous().forEach(o -> ous.put(o.id(), o));
            unexploredParents.addAll(structure.unexploredParents());
            return this;
        }

        /** Parents whose child OUs were not read (see {@link OrgTree#unexploredParents()}). */
        public Builder unexploredParents(java.util.Set<String> parents) {
            unexploredParents.addAll(parents);
            return this;
        }

        /** Parents whose accounts are added without a parent id (listed organisation-wide). */
        public Builder unlistedParents(java.util.Set<String> parents) {
            unlistedParents.addAll(parents);
            return this;
        }

        /** Marks the tree as a partial view (one account and its ancestors). */
        public Builder partial() {
            this.complete = false;
            return this;
        }

        public OrgTree build() {
            return new OrgTree(this);
        }
    }
}
