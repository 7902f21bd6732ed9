package dev.switchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tooltips are made on the first pointer move over their node (decision 1130), and then behave as before. */
@ExtendWith(ApplicationExtension.class)
class ChartCardTooltipsTest {
    private Label label;
    private Region plain;

    @Start
    void start(Stage stage) {
        label = new Label("Monthly spend");
        label.setMinSize(160, 40);
        plain = new Region();
        plain.setMinSize(160, 40);
        plain.setStyle("-fx-background-color: #ccd;");
        stage.setScene(new Scene(new HBox(20, label, plain), 400, 120));
        stage.show();
    }

    @Test
    void noTooltipIsMadeUntilThePointerMovesOverTheNode() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ChartCardTooltips.install(label, "What a month costs");
            assertNull(label.getTooltip(), "not made at install");
            assertTrue(ChartCardTooltips.has(label));
            assertEquals("What a month costs", label.getAccessibleHelp(), "read by a screen reader at once");
            ChartCardTooltips.install(label, "What a month costs, in USD");
            assertEquals("What a month costs, in USD", ChartCardTooltips.text(label), "a second install replaces the text");
            Event.fireEvent(label, move(label));
            Tooltip t = label.getTooltip();
            assertNotNull(t, "made on the first move");
            assertEquals("What a month costs, in USD", t.getText());
            assertTrue(t.isWrapText());
            ChartCardTooltips.install(label, "Changed after it was made");
            assertEquals("Changed after it was made", label.getTooltip().getText());
            assertFalse(ChartCardTooltips.has(new Label("bare")));
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTooltipOnAPlainNodeShowsWhenThePointerRestsOnIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ChartCardTooltips.install(plain, "A plain node's explanation")).get(10,
                TimeUnit.SECONDS);
        robot.moveTo(label).moveTo(plain).moveBy(3, 2).moveBy(2, 1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean shown = false;
        while (!shown && System.nanoTime() < until) {
            Thread.sleep(50);
            shown = WaitForAsyncUtils.asyncFx(() -> robot.listWindows().stream()
                    .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && "A plain node's explanation".equals(t.getText())))
                    .get(10, TimeUnit.SECONDS);
        }
        assertTrue(shown, "the tooltip made on the first move shows after its delay");
    }

    private static MouseEvent move(javafx.scene.Node n) {
        return new MouseEvent(MouseEvent.MOUSE_MOVED, 5, 5, 5, 5, MouseButton.NONE, 0, false, false, false, false, false,
                false, false, false, false, false, null);
    }
}
