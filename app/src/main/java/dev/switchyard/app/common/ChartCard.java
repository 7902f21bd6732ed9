package dev.switchyard.app.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A titled card around a chart with the three things every chart offers: save as PNG, copy the
 * table behind it, and show that table in place of the chart.
 */
public class ChartCard extends VBox {
    private static final ObjectProperty<Path> LAST_DIR = new SimpleObjectProperty<>();

    private final Node content;
    private final Supplier<DataTable> table;
    private final TaskRunner runner;
    private final StackPane body = new StackPane();
    private final ToggleButton showTable = new ToggleButton("Table");
    private final Label emptyLabel = new Label();

    public ChartCard(String title, String explanation, Node content, Supplier<DataTable> table, TaskRunner runner) {
        this.content = content;
        this.table = table;
        this.runner = runner;
        getStyleClass().add("chart-card");
        setSpacing(4);
        setPadding(new Insets(8));

        Label heading = new Label(title);
        heading.getStyleClass().add("chart-title");
        ChartCardTooltips.install(heading, explanation);
        heading.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button save = new Button("PNG");
        ChartCardTooltips.install(save, "Save this chart as a PNG image.");
        save.setOnAction(e -> savePng(title));
        save.getStyleClass().addAll("small", "flat");
        Button copy = new Button("Copy");
        ChartCardTooltips.install(copy, "Copy the numbers behind this chart (tab-separated: pastes into a spreadsheet).");
        copy.setOnAction(e -> copyTable());
        copy.getStyleClass().addAll("small", "flat");
        ChartCardTooltips.install(showTable, "Show the numbers behind this chart as a table.");
        showTable.getStyleClass().addAll("small", "flat");
        showTable.selectedProperty().addListener((o, was, now) -> refreshBody());

        HBox header = new HBox(6, heading, spacer, showTable, copy, save);
        header.setAlignment(Pos.CENTER_LEFT);

        emptyLabel.getStyleClass().add("empty-state");
        emptyLabel.setWrapText(true);
        emptyLabel.setVisible(false);
        body.getChildren().addAll(content, emptyLabel);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
        setMinHeight(180);
    }

    public Node content() {
        return content;
    }

    /** Shows a message over the chart when it has nothing to show yet, and why. */
    public void setEmptyMessage(String message) {
        boolean empty = message != null && !message.isBlank();
        emptyLabel.setText(empty ? message : "");
        emptyLabel.setVisible(empty);
        content.setOpacity(empty ? 0.25 : 1.0);
    }

    /** Rebuilds the table view when the data changed and the table is showing. */
    public void refresh() {
        if (showTable.isSelected()) {
            refreshBody();
        }
    }

    private void refreshBody() {
        if (showTable.isSelected()) {
            body.getChildren().setAll(buildTable(table.get()));
        } else {
            body.getChildren().setAll(content, emptyLabel);
        }
    }

    static TableView<List<String>> buildTable(DataTable data) {
        TableView<List<String>> view = new TableView<>();
        for (int i = 0; i < data.headers().size(); i++) {
            final int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(data.headers().get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(col)));
            c.setPrefWidth(110);
            view.getColumns().add(c);
        }
        view.setItems(FXCollections.observableArrayList(data.rows()));
        view.setPlaceholder(new Label("No data yet"));
        return view;
    }

    private void copyTable() {
        DataTable t = table.get();
        ClipboardContent cc = new ClipboardContent();
        cc.putString(t.toTsv());
        Clipboard.getSystemClipboard().setContent(cc);
        runner.say("Copied " + t.rows().size() + " rows of '" + t.title() + "' to the clipboard");
    }

    private void savePng(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG");
        chooser.setInitialFileName(ChartExport.fileNameFor(title));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        if (LAST_DIR.get() != null && LAST_DIR.get().toFile().isDirectory()) {
            chooser.setInitialDirectory(LAST_DIR.get().toFile());
        }
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Snapshot on the FX thread (required), encode and write in the background. */
    public void saveTo(Path target) {
        LAST_DIR.set(target.toAbsolutePath().getParent());
        byte[] png;
        try {
            png = ChartExport.snapshotPng(content);
        } catch (Exception e) {
            runner.say("Could not render chart: " + e.getMessage());
            return;
        }
        runner.submit("Saving " + target.getFileName(), sink -> {
            ChartExport.writePng(png, target);
            return target;
        }, p -> runner.say("Saved chart to " + p), err -> { });
    }

    public static Tooltip wrap(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(javafx.util.Duration.millis(300));
        t.setShowDuration(javafx.util.Duration.seconds(30));
        return t;
    }
}
