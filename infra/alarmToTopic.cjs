// Every alarm of an AWS stage tells the stack's alarm topic when it fires and when it clears, and counts missing data
// as fine (a quiet pipeline is not a broken one).
const alarmToTopic = (description, properties) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmDescription: description,
    AlarmActions: [{ Ref: 'AlarmTopic' }],
    OKActions: [{ Ref: 'AlarmTopic' }],
    TreatMissingData: 'notBreaching',
    ...properties,
  },
});

module.exports = { alarmToTopic };
