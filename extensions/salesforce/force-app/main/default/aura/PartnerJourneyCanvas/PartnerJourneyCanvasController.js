({
    // The Canvas app learns which record it is on only through these parameters.
    passRecord: function (component) {
        var recordId = component.get('v.recordId');
        component.set('v.canvasParameters', recordId ? JSON.stringify({ recordId: recordId }) : '');
    }
})
