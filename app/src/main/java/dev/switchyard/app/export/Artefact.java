package dev.switchyard.app.export;

/** What File > Export writes from the current scenario, and the name it suggests. */
public enum Artefact {
    ROUTING_CONFIG("Routing configuration", "routing-config.json", "Routing configuration (JSON)", "*.json"),
    LITELLM("LiteLLM config", "config.yaml", "LiteLLM proxy config (YAML)", "*.yaml"),
    REPORT("HTML report", "report.html", "Report (HTML)", "*.html"),
    /** A folder of CSV files (summary, months, models, categories, tiers). */
    TABLES("CSV tables", "tables", "Folder for the CSV tables", null);

    private final String label;
    private final String defaultName;
    private final String filterName;
    private final String pattern;

    Artefact(String label, String defaultName, String filterName, String pattern) {
        this.label = label;
        this.defaultName = defaultName;
        this.filterName = filterName;
        this.pattern = pattern;
    }

    public String label() {
        return label;
    }

    public String defaultName() {
        return defaultName;
    }

    public String filterName() {
        return filterName;
    }

    /** The file-chooser pattern, or null for a folder. */
    public String pattern() {
        return pattern;
    }

    public boolean isFolder() {
        return pattern == null;
    }
}
