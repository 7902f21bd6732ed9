package dev.switchyard.app.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.compare.CompareView;
import dev.switchyard.app.compare.CompareViewModel;
import dev.switchyard.app.data.DataView;
import dev.switchyard.app.data.DataViewModel;
import dev.switchyard.app.export.Artefact;
import dev.switchyard.app.export.ExportViewModel;
import dev.switchyard.app.plan.BudgetView;
import dev.switchyard.app.plan.PlanViewModel;
import dev.switchyard.app.plan.RecommendationView;
import dev.switchyard.app.negotiate.NegotiateView;
import dev.switchyard.app.negotiate.NegotiateViewModel;
import dev.switchyard.app.scenario.ScenarioView;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.app.workspace.WorkspaceViewModel;
import dev.switchyard.engine.workspace.RecentWorkspaces;

/** The window: menu, the four screens as tabs, a toolbar with the main actions, and the status bar. */
public final class MainWindow {
    public static final String TITLE = "Switchyard — LLM routing planner";

    private final Stage stage;
    private final AppState state;
    private final Theme theme;
    private final TaskRunner runner;
    private final DataViewModel dataVm;
    private final ScenarioViewModel scenarioVm;
    private final NegotiateViewModel negotiateVm;
    private final CompareViewModel compareVm;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open recent");
    private final WorkspaceViewModel filesVm;
    private final ExportViewModel exportVm;
    private final Menu recentWorkspaces = new Menu("Recent workspaces");
    /** File extension of a workspace, with its dot. */
    static final String WORKSPACE_EXTENSION = ".switchyard";
    final DataView dataView;
    final ScenarioView scenarioView;
    final RecommendationView recommendationView;
    final NegotiateView negotiateView;
    final CompareView compareView;
    private final Scene scene;

    public MainWindow(Stage stage, AppState state, Theme theme, TaskRunner runner, DataViewModel dataVm,
                      ScenarioViewModel scenarioVm, NegotiateViewModel negotiateVm, CompareViewModel compareVm,
                      WorkspaceViewModel filesVm, ExportViewModel exportVm, PlanViewModel planVm) {
        this.stage = stage;
        this.exportVm = java.util.Objects.requireNonNull(exportVm, "exportVm");
        this.filesVm = java.util.Objects.requireNonNull(filesVm, "filesVm");
        this.state = state;
        this.theme = theme;
        this.runner = runner;
        this.dataVm = dataVm;
        this.scenarioVm = scenarioVm;
        this.negotiateVm = negotiateVm;
        this.compareVm = compareVm;

        dataView = new DataView(dataVm, runner);
        scenarioView = new ScenarioView(scenarioVm, runner);
        recommendationView = new RecommendationView(planVm, javafx.beans.binding.Bindings.createStringBinding(
                () -> scenarioVm.routerProperty().get() == null ? null : scenarioVm.routerProperty().get().name(),
                scenarioVm.routerProperty()));
        Label tilesCaption = new Label();
        tilesCaption.setId("tiles-caption");
        tilesCaption.getStyleClass().add("tiles-caption");
        tilesCaption.setWrapText(true);
        tilesCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tilesCaption.textProperty().bind(planVm.tilesCaptionProperty());
        scenarioView.addLead(recommendationView, new BudgetView(planVm), tilesCaption);
        // the spend chart marks the timeline events the planner's answer includes
        planVm.adviceProperty().addListener((o, was, now) -> scenarioView.showTimeline(now == null ? List.of()
                        : now.events().stream().map(e -> new ScenarioView.Marker(e.fromMonth(), e.description())).toList(),
                now == null ? "" : now.recommended().map(c -> c.displayName()).orElse(""),
                now == null ? List.of() : now.recommended().map(c -> c.monthSpend()).orElse(List.of())));
        negotiateView = new NegotiateView(negotiateVm, runner);
        compareView = new CompareView(compareVm, runner, settings -> {
            scenarioVm.apply(settings);
            tabs.getSelectionModel().select(1);
        });
        // only the opening screen is in the scene when the window is first shown: the other screens' CSS and layout
        // (tables, charts, the grid) would otherwise all run before the first frame (decision 1101); each joins the
        // scene when its tab is first selected
        tabs.getTabs().addAll(lazyTab("Data", "Catalog, price sheets and traffic sample (Ctrl+1)", dataView),
                tab("Scenario", "Budget a routing set-up month by month (Ctrl+2)", scenarioView),
                lazyTab("Negotiate", "What each point of SLA costs (Ctrl+3)", negotiateView),
                lazyTab("Compare", "Pinned scenarios side by side (Ctrl+4)", compareView));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the app opens on the Scenario screen, whose first line is the recommendation
        tabs.getSelectionModel().select(1);
        attachWhenSelected(tabs.getTabs());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            state.screen = now.intValue();
            // a focus owner left behind on a hidden screen (e.g. inside a table's recycled cells) trips a
            // JavaFX 21 focus-cleanup bug in VirtualFlow; the tab strip is always a safe owner
            tabs.requestFocus();
        });

        BorderPane root = new BorderPane();
        root.getStyleClass().add("switchyard-root");
        root.setTop(new VBox(buildMenu(), buildToolbar(),
                banner("workspace-notice", "notice-panel", "Workspace", filesVm.noticeProperty(), filesVm::dismissNotice),
                banner("workspace-error", "problem-panel", "Workspace problem", filesVm.errorProperty(),
                        filesVm::dismissError),
                banner("export-notice", "notice-panel", "Export", exportVm.noticeProperty(), exportVm::dismiss),
                banner("export-error", "problem-panel", "Export problem", exportVm.errorProperty(), exportVm::dismiss)));
        root.setCenter(tabs);
        root.setBottom(buildStatusBar());
        javafx.geometry.Rectangle2D screen = screenFor(state);
        scene = new Scene(root, Math.min(state.width, screen.getWidth()), Math.min(state.height, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/switchyard/app/shell/app.css").toExternalForm());
        theme.darkProperty().addListener((o, was, now) -> markDark(root, now));
        markDark(root, theme.darkProperty().get());
        installShortcuts();
        // the open workspace's name, else the app's
        stage.titleProperty().bind(javafx.beans.binding.Bindings.when(filesVm.currentFileProperty().isNull())
                .then(TITLE).otherwise(filesVm.titleProperty()));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        if (Double.isFinite(state.x) && Double.isFinite(state.y) && screen.contains(state.x, state.y)) {
            // Keep the remembered place, but pulled in so the whole window is on this screen.
            stage.setX(Math.max(screen.getMinX(), Math.min(state.x, screen.getMaxX() - scene.getWidth())));
            stage.setY(Math.max(screen.getMinY(), Math.min(state.y, screen.getMaxY() - scene.getHeight())));
        } else {
            stage.setX(screen.getMinX() + (screen.getWidth() - scene.getWidth()) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - scene.getHeight()) / 2);
        }
        stage.setMaximized(state.maximized);
        refreshRecent();
        filesVm.recent().addListener((javafx.collections.ListChangeListener<RecentWorkspaces.Entry>) c -> refreshRecentWorkspaces());
        refreshRecentWorkspaces();
        filesVm.refreshRecent();
        stage.setOnShown(e -> tabs.requestFocus());
    }

    /**
     * The usable area of the screen the remembered window was on, or of the primary screen: a size
     * remembered on a large monitor must not push the window off a laptop's screen.
     */
    private static javafx.geometry.Rectangle2D screenFor(AppState state) {
        if (Double.isFinite(state.x) && Double.isFinite(state.y)) {
            for (javafx.stage.Screen candidate : javafx.stage.Screen.getScreensForRectangle(state.x, state.y, 1, 1)) {
                return candidate.getVisualBounds();
            }
        }
        return javafx.stage.Screen.getPrimary().getVisualBounds();
    }

    private static void markDark(BorderPane root, boolean dark) {
        root.getStyleClass().remove("dark");
        if (dark) {
            root.getStyleClass().add("dark");
        }
    }

    private static Tab tab(String name, String help, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setTooltip(ChartCard.wrap(help));
        t.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    /** A tab whose content joins the scene the first time it is selected (see {@link #attachWhenSelected}). */
    private static Tab lazyTab(String name, String help, javafx.scene.Node content) {
        Tab t = tab(name, help, null);
        t.setUserData(content);
        return t;
    }

    /** Puts each lazy tab's content in place when that tab is first selected, and at once for the selected one. */
    private static void attachWhenSelected(List<Tab> all) {
        for (Tab t : all) {
            if (!(t.getUserData() instanceof javafx.scene.Node content) || t.getContent() != null) {
                continue;
            }
            if (t.isSelected()) {
                t.setContent(content);
                continue;
            }
            t.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        o.removeListener(this);
                        t.setContent(content);
                    }
                }
            });
        }
    }

    private MenuBar buildMenu() {
        MenuItem importTraffic = item("Import traffic…", "Shortcut+O", this::chooseTraffic);
        MenuItem importPrices = item("Import price sheet…", "Shortcut+Shift+O", () -> chooseOne("Import price sheet",
                dataVm::importPriceSheet, new FileChooser.ExtensionFilter("Price sheets (JSON, CSV)", "*.json", "*.csv")));
        MenuItem importCatalog = item("Import catalog…", null, () -> chooseOne("Import catalog", dataVm::importCatalog,
                new FileChooser.ExtensionFilter("Switchyard catalog (JSON)", "*.json")));
        MenuItem sample = item("Reload sample data", null, dataVm::loadSample);
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        MenuItem newWs = item("New workspace…", "Shortcut+N", this::newWorkspace);
        newWs.setId("menu-new-workspace");
        MenuItem openWs = item("Open workspace…", "Shortcut+Shift+W", this::openWorkspace);
        MenuItem saveAs = item("Save workspace as…", "Shortcut+Shift+S", this::saveWorkspaceAs);
        saveAs.disableProperty().bind(filesVm.currentFileProperty().isNull());
        MenuItem restore = item("Restore backup", null, filesVm::restoreFromBackup);
        restore.disableProperty().bind(filesVm.restorableFileProperty().isNull());
        MenuItem closeWs = item("Close workspace", null, filesVm::close);
        closeWs.disableProperty().bind(filesVm.currentFileProperty().isNull());
        Menu export = new Menu("Export");
        export.setId("menu-export");
        for (Artefact a : Artefact.values()) {
            MenuItem i = item(a.label() + "…", null, () -> chooseExport(a));
            i.setId("menu-export-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            export.getItems().add(i);
        }
        MenuItem all = item("All four to a folder…", "Shortcut+E", this::chooseExportFolder);
        all.setId("menu-export-all");
        export.getItems().addAll(new SeparatorMenuItem(), all);
        export.disableProperty().bind(exportVm.runningProperty().or(scenarioVm.outcomeProperty().isNull()));
        Menu file = new Menu("File", null, newWs, openWs, recentWorkspaces, saveAs, restore, closeWs, new SeparatorMenuItem(),
                importTraffic, importPrices, importCatalog, recentMenu, new SeparatorMenuItem(), export, new SeparatorMenuItem(),
                sample, new SeparatorMenuItem(), quit);

        MenuItem run = item("Run scenario", "Shortcut+R", scenarioVm::runNow);
        MenuItem pin = item("Pin scenario for Compare", "Shortcut+P", this::pin);
        MenuItem analyse = item("Analyse SLA targets", "Shortcut+Shift+A", () -> {
            tabs.getSelectionModel().select(2);
            negotiateVm.analyse();
        });
        MenuItem cancel = item("Cancel running work", "Esc", runner::cancelAll);
        // not Ctrl+Up/Down: lists and sliders consume those for navigation before accelerators see them
        MenuItem up = item("Raise SLA target one point", null, () -> nudgeTarget(0.01));
        up.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem down = item("Lower SLA target one point", null, () -> nudgeTarget(-0.01));
        down.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        Menu scenario = new Menu("Scenario", null, run, pin, analyse, new SeparatorMenuItem(), up, down,
                new SeparatorMenuItem(), cancel);

        MenuItem dark = item("Toggle dark theme", "Shortcut+D", theme::toggle);
        Menu view = new Menu("View", null, item("Data", "Shortcut+1", () -> tabs.getSelectionModel().select(0)),
                item("Scenario", "Shortcut+2", () -> tabs.getSelectionModel().select(1)),
                item("Negotiate", "Shortcut+3", () -> tabs.getSelectionModel().select(2)),
                item("Compare", "Shortcut+4", () -> tabs.getSelectionModel().select(3)), new SeparatorMenuItem(), dark);
        MenuItem glossary = item("Glossary", "F1", this::showGlossary);
        glossary.setId("menu-glossary");
        MenuItem keys = item("Keyboard shortcuts", "Shift+F1", this::showShortcuts);
        Menu help = new Menu("Help", null, glossary, keys);
        return new MenuBar(file, scenario, view, help);
    }

    private static MenuItem item(String name, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(name);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private HBox buildToolbar() {
        Button run = new Button("Run");
        run.setOnAction(e -> scenarioVm.runNow());
        ChartCardTooltips.install(run, "Re-run the scenario now (Ctrl+R). Moving any control re-runs it anyway.");
        Button pin = new Button("Pin");
        pin.setId("pin-button");
        pin.setOnAction(e -> pin());
        pin.disableProperty().bind(scenarioVm.outcomeProperty().isNull());
        ChartCardTooltips.install(pin, "Keep the current scenario's result for the Compare screen (Ctrl+P).");
        ToggleButton dark = new ToggleButton("Dark");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        ChartCardTooltips.install(dark, "Switch between the light and dark theme (Ctrl+D).");
        Label origin = new Label();
        origin.getStyleClass().add("notes");
        dataVm.session().dataSetProperty().addListener((o, was, now) -> origin.setText(now == null ? ""
                : "Data: " + now.origin()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, pin, spacer, origin, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private HBox buildStatusBar() {
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(runner.messageProperty());
        message.setMinWidth(0);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(runner.progressProperty());
        progress.visibleProperty().bind(runner.busyProperty());
        progress.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> runner.cancelAll());
        cancel.visibleProperty().bind(runner.busyProperty());
        ChartCardTooltips.install(cancel, "Stop what is running (Esc). Nothing half-done is kept.");
        Label timing = new Label();
        timing.getStyleClass().add("notes");
        scenarioVm.lastRunMillisProperty().addListener((o, was, now) -> timing.setText("redrawn in " + now + " ms"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, message, spacer, timing, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        HBox.setHgrow(message, Priority.SOMETIMES);
        return bar;
    }

    private void installShortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), runner::cancelAll);
    }

    private void nudgeTarget(double delta) {
        double next = Math.round((scenarioVm.targetProperty().get() + delta) * 100) / 100.0;
        scenarioVm.targetProperty().set(Math.max(0.60, Math.min(0.99, next)));
    }

    private void pin() {
        if (compareVm.pin(scenarioVm.outcomeProperty().get())) {
            runner.say("Pinned " + scenarioVm.outcomeProperty().get().label() + " (" + compareVm.pinned().size()
                    + " pinned; see Compare)");
        }
    }

    private void chooseTraffic() {
        FileChooser fc = chooser("Import traffic (one or more files)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Traffic (CSV)", "*.csv", "*.CSV"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            dataVm.importTraffic(files.stream().map(File::toPath).toList());
            tabs.getSelectionModel().select(0);
        }
    }

    private void chooseOne(String title, java.util.function.Consumer<Path> action, FileChooser.ExtensionFilter filter) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            action.accept(f.toPath());
            tabs.getSelectionModel().select(0);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (!state.recentFiles.isEmpty()) {
            Path dir = Path.of(state.recentFiles.get(0)).getParent();
            if (dir != null && Files.isDirectory(dir)) {
                fc.setInitialDirectory(dir.toFile());
            }
        }
        return fc;
    }

    /** Called by the app whenever a file was read or written successfully. */
    public void remember(Path file) {
        state.remember(file);
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String f : state.recentFiles) {
            Path p = Path.of(f);
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setOnAction(e -> dataVm.importDropped(List.of(p)));
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void refreshRecentWorkspaces() {
        recentWorkspaces.getItems().clear();
        for (RecentWorkspaces.Entry e : filesVm.recent()) {
            Path p = e.file();
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setOnAction(ev -> filesVm.open(p));
            recentWorkspaces.getItems().add(i);
        }
        recentWorkspaces.setDisable(recentWorkspaces.getItems().isEmpty());
    }

    /** File > Export > one artefact: a save dialog (a folder chooser for the tables), then the export in the background. */
    private void chooseExport(Artefact a) {
        File initial = exportDirectory();
        if (a.isFolder()) {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Export " + a.label() + " to a folder");
            if (initial != null) {
                dc.setInitialDirectory(initial);
            }
            File dir = dc.showDialog(stage);
            if (dir != null) {
                exportVm.export(a, dir.toPath());
            }
            return;
        }
        FileChooser fc = chooser("Export " + a.label());
        if (initial != null) {
            fc.setInitialDirectory(initial);
        }
        fc.setInitialFileName(a.defaultName());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(a.filterName(), a.pattern()));
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            exportVm.export(a, f.toPath());
        }
    }

    private void chooseExportFolder() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Export the routing configuration, LiteLLM config, report and tables to a folder");
        File initial = exportDirectory();
        if (initial != null) {
            dc.setInitialDirectory(initial);
        }
        File dir = dc.showDialog(stage);
        if (dir != null) {
            exportAllTo(dir.toPath());
        }
    }

    /** What File > Export > All four does once a folder is chosen (robot tests call it directly). */
    public void exportAllTo(Path folder) {
        exportVm.exportAllTo(folder);
    }

    /** Next to the open workspace, else where the last file came from. */
    private File exportDirectory() {
        Path ws = filesVm.currentFileProperty().get();
        if (ws != null && ws.getParent() != null && Files.isDirectory(ws.getParent())) {
            return ws.getParent().toFile();
        }
        return null;
    }

    private FileChooser workspaceChooser(String title) {
        FileChooser fc = chooser(title);
        Path current = filesVm.currentFileProperty().get();
        if (current == null && !filesVm.recent().isEmpty()) {
            current = filesVm.recent().get(0).file();
        }
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            fc.setInitialDirectory(current.getParent().toFile());
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchyard workspace", "*" + WORKSPACE_EXTENSION));
        return fc;
    }

    /** A save dialog's answer with the workspace extension added when the user typed a bare name. */
    static Path withExtension(File f) {
        String name = f.getName();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(WORKSPACE_EXTENSION) ? f.toPath()
                : f.toPath().resolveSibling(name + WORKSPACE_EXTENSION);
    }

    private void newWorkspace() {
        FileChooser fc = workspaceChooser("New workspace");
        fc.setInitialFileName("plan" + WORKSPACE_EXTENSION);
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            // the save dialog has already asked before replacing an existing file
            filesVm.newWorkspace(withExtension(f), f.exists());
        }
    }

    private void openWorkspace() {
        FileChooser fc = workspaceChooser("Open workspace");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            filesVm.open(f.toPath());
        }
    }

    private void saveWorkspaceAs() {
        FileChooser fc = workspaceChooser("Save workspace as");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            filesVm.saveAs(withExtension(f));
        }
    }

    /** A dismissable banner under the toolbar, shown while {@code text} is not null or blank. */
    private static VBox banner(String id, String styleClass, String title, javafx.beans.value.ObservableStringValue text,
                               Runnable dismiss) {
        VBox panel = new VBox(4);
        panel.setId(id);
        panel.getStyleClass().add(styleClass);
        Label heading = new Label(title);
        heading.getStyleClass().add("problem-title");
        Label body = new Label();
        body.setId(id + "-text");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.textProperty().bind(text);
        Button close = new Button("Dismiss");
        close.setOnAction(e -> dismiss.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        panel.getChildren().addAll(top, body);
        VBox.setMargin(panel, new Insets(4, 8, 4, 8));
        javafx.beans.binding.BooleanBinding shown = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.get() != null && !text.get().isBlank(), text);
        panel.visibleProperty().bind(shown);
        panel.managedProperty().bind(shown);
        return panel;
    }

    private Stage glossaryStage;

    /** Every term the screens use, with a filter box: F1 from anywhere. */
    private void showGlossary() {
        if (glossaryStage != null) {
            glossaryStage.show();
            glossaryStage.toFront();
            return;
        }
        javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
        filter.setPromptText("Find a term…");
        filter.setId("glossary-filter");
        VBox list = new VBox(10);
        list.setId("glossary-list");
        list.setPadding(new Insets(8));
        Runnable refill = () -> {
            list.getChildren().clear();
            for (dev.switchyard.app.common.Glossary.Term t : dev.switchyard.app.common.Glossary.matching(filter.getText())) {
                Label term = new Label(t.term());
                term.getStyleClass().add("glossary-term");
                Label meaning = new Label(t.meaning());
                meaning.setWrapText(true);
                meaning.setMinHeight(Region.USE_PREF_SIZE);
                list.getChildren().add(new VBox(2, term, meaning));
            }
        };
        filter.textProperty().addListener((o, was, now) -> refill.run());
        refill.run();
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(list);
        scroll.setFitToWidth(true);
        Label hint = new Label("Keyboard shortcuts: Help > Keyboard shortcuts (Shift+F1).");
        hint.getStyleClass().add("notes");
        VBox root = new VBox(8, filter, scroll, hint);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("switchyard-root");
        if (theme.darkProperty().get()) {
            root.getStyleClass().add("dark");
        }
        Scene s = new Scene(root, 560, 620);
        s.getStylesheets().addAll(scene.getStylesheets());
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> glossaryStage.hide());
        glossaryStage = new Stage();
        glossaryStage.setTitle("Switchyard glossary");
        glossaryStage.initOwner(stage);
        glossaryStage.setScene(s);
        glossaryStage.show();
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                F1              Glossary: every term in plain words
                Ctrl+1..4       Data, Scenario, Negotiate, Compare
                Ctrl+R          Run the scenario now
                Ctrl+P          Pin the scenario for Compare
                Ctrl+= / Ctrl+- Raise / lower the SLA target one point
                Ctrl+Shift+A    Analyse SLA targets (Negotiate)
                Ctrl+N          New workspace
                Ctrl+Shift+W    Open a workspace
                Ctrl+Shift+S    Save the workspace as…
                Ctrl+E          Export configuration, LiteLLM config, report and tables
                Ctrl+O          Import traffic
                Ctrl+Shift+O    Import a price sheet
                Ctrl+D          Light / dark theme
                Esc             Cancel running work
                Ctrl+Q          Quit""");
        a.initOwner(stage);
        a.show();
    }

    /** Writes geometry back into the state (the app saves it on exit). */
    public void captureGeometry() {
        state.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            state.width = stage.getWidth();
            state.height = stage.getHeight();
            state.x = stage.getX();
            state.y = stage.getY();
        }
        state.dark = theme.darkProperty().get();
    }

    public Stage stage() {
        return stage;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ScenarioView scenarioView() {
        return scenarioView;
    }

    public DataView dataView() {
        return dataView;
    }

    public NegotiateView negotiateView() {
        return negotiateView;
    }

    public CompareView compareView() {
        return compareView;
    }
}
